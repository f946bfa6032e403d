namespace Argus.Core.Model;

/// <summary>
/// One provider API answer exactly as the provider's own CLI prints it (for AWS, the JSON of
/// <c>aws ... --output json</c>, with every page merged into one document).
/// </summary>
/// <param name="Region">The region the call was made in, or <see cref="Regions.Global"/>.</param>
/// <param name="Service">The provider's service name, e.g. <c>ec2</c>, <c>elbv2</c>, <c>iam</c>.</param>
/// <param name="Operation">The API operation, e.g. <c>DescribeSecurityGroups</c>.</param>
/// <param name="Resource">
/// For operations called once per resource (<c>s3:GetBucketPolicy</c> per bucket,
/// <c>elbv2:DescribeTargetHealth</c> per target group), the resource the call was about; otherwise null.
/// </param>
/// <param name="Json">The answer as UTF-8 JSON.</param>
public sealed record RawDocument(
    Provider Provider,
    string Account,
    string Region,
    string Service,
    string Operation,
    string? Resource,
    ReadOnlyMemory<byte> Json)
{
    public DocumentGroupKey Group => new(Provider, Account, Region);

    public override string ToString() =>
        $"{Provider.ToName()}/{Account}/{Region}/{Service}/{Operation}{(Resource is null ? "" : $"[{Resource}]")}";
}
