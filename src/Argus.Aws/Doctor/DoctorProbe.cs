using System.Text.Json.Nodes;

namespace Argus.Aws.Doctor;

/// <summary>
/// A cheap read call that needs no resource name: its success or access-denied answer tells whether the principal
/// holds its action. One per service, asking for the smallest page the API allows.
/// </summary>
public sealed record DoctorProbe(string Service, string Operation, Func<JsonObject?> Parameters)
{
    /// <summary>The probes, in the order they run.</summary>
    public static IReadOnlyList<DoctorProbe> All { get; } =
    [
        new("iam", "GetAccountSummary", () => null),
        new("ec2", "DescribeRegions", () => null),
        new("s3", "ListBuckets", () => null),
        new("elbv2", "DescribeLoadBalancers", () => new JsonObject { ["PageSize"] = 1 }),
        new("organizations", "DescribeOrganization", () => null),
        new("logs", "DescribeLogGroups", () => new JsonObject { ["limit"] = 1 }),
        new("eks", "ListClusters", () => new JsonObject { ["maxResults"] = 1 }),
        new("directconnect", "DescribeDirectConnectGateways", () => new JsonObject { ["maxResults"] = 1 }),
    ];
}
