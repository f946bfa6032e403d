using Argus.Synthetic.Addressing;

namespace Argus.Synthetic.Catalog;

/// <summary>What the generator needs to know about one real AWS region.</summary>
/// <param name="Name">The region name, e.g. <c>eu-west-1</c>.</param>
/// <param name="ZoneIdPrefix">The prefix of its zone ids, e.g. <c>euw1</c> for <c>euw1-az1</c>.</param>
/// <param name="ZoneCount">How many availability zones it has.</param>
/// <param name="Ipv6Prefix">The first two groups of the Amazon IPv6 pool VPCs get their /56 from.</param>
/// <param name="PublicPool">An Amazon-owned public IPv4 range in the region.</param>
/// <param name="S3Ranges">Entries of the region's <c>com.amazonaws.REGION.s3</c> prefix list (a few of them).</param>
/// <param name="DynamoDbRanges">Entries of its <c>com.amazonaws.REGION.dynamodb</c> prefix list.</param>
/// <param name="ApplicationLoadBalancerZone">The Route 53 hosted zone of its application load balancers.</param>
/// <param name="NetworkLoadBalancerZone">The Route 53 hosted zone of its network load balancers.</param>
internal sealed record AwsRegion(
    string Name,
    string ZoneIdPrefix,
    int ZoneCount,
    string Ipv6Prefix,
    Ipv4Block PublicPool,
    IReadOnlyList<string> S3Ranges,
    IReadOnlyList<string> DynamoDbRanges,
    string ApplicationLoadBalancerZone,
    string NetworkLoadBalancerZone)
{
    /// <summary>The suffix of private DNS names: us-east-1 is the historical exception.</summary>
    public string InternalDomain => Name == "us-east-1" ? "ec2.internal" : $"{Name}.compute.internal";

    public string PublicDomain => Name == "us-east-1" ? "compute-1.amazonaws.com" : $"{Name}.compute.amazonaws.com";

    public string ZoneName(int index) => Name + (char)('a' + index);
}
