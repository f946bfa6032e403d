namespace Argus.Aws.Normalization;

/// <summary>
/// How one EC2 resource type becomes an asset: its asset type, the resource part of its ARN
/// (<c>arn:aws:ec2:region:account:vpc/vpc-0abc</c>), the member holding its id, the member holding its natural
/// name when it has no <c>Name</c> tag, and the member holding its ARN when the answer gives one.
/// </summary>
internal sealed record Ec2Kind(string Type, string ArnResource, string IdProperty, string? NameProperty = null, string? ArnProperty = null, string TagsProperty = "Tags");
