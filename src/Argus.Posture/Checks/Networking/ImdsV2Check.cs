using Argus.Aws.Operations;
using Argus.Core.Json;
using Argus.Core.Model;
using Argus.Posture.Aws;
using Argus.Posture.Engine;

namespace Argus.Posture.Checks.Networking;

/// <summary>CIS: instances require IMDSv2 (MetadataOptions.HttpTokens = required, or the metadata service is off).</summary>
public sealed class ImdsV2Check : RegionalCheck
{
    public override CheckMetadata Metadata { get; } = new(
        "aws.ec2.imdsv2", "EC2 instances require IMDSv2", Severity.High, "ec2", "aws.ec2.instance",
        "IMDSv1 answers plain GET requests, so a server-side request forgery in an application can read the instance role's credentials.",
        "SSRF in any web application on the instance leaks its AWS credentials (the Capital One breach pattern).",
        new("aws ec2 modify-instance-metadata-options --instance-id ID --http-tokens required --http-endpoint enabled",
            "# Set MetadataOptions: { HttpTokens: required } in the AWS::EC2::LaunchTemplate (or instance).",
            "# Set metadata_options { http_tokens = \"required\" } on aws_instance or aws_launch_template."),
        ["https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-IMDS-existing-instances.html"],
        [AwsOperations.DescribeInstances]);

    protected override AwsOperation Source => AwsOperations.DescribeInstances;

    protected override IEnumerable<CheckOutcome> Evaluate(PostureContext context, string account, string region, Lookup lookup)
    {
        foreach (var instance in Ec2Items.Instances(lookup))
        {
            var tags = Ec2Items.Tags(instance);
            var id = instance.GetString("InstanceId") ?? "";
            var options = instance.GetObject("MetadataOptions");
            var tokens = options?.GetString("HttpTokens");
            var endpoint = options?.GetString("HttpEndpoint");
            var safe = tokens == "required" || endpoint == "disabled";
            yield return Verdict(safe, Ec2Items.InstanceArn(instance, account, region), account, region,
                $"{id} requires IMDSv2.", $"{id} ({Ec2Items.Name(tags, id)}) allows IMDSv1 (HttpTokens {tokens ?? "unset"}).",
                new { InstanceId = id, HttpTokens = tokens, HttpEndpoint = endpoint, State = options?.GetString("State") }, tags);
        }
    }
}
