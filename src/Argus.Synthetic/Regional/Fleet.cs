using Argus.Synthetic.Organization;
using Argus.Synthetic.Topology;

namespace Argus.Synthetic.Regional;

/// <summary>
/// A kind of instance an account runs: its share of the account's instances, size, tier, security group and
/// instance profile. The IAM generator creates exactly the profiles these name.
/// </summary>
/// <param name="Role">The instance role in names: <c>web</c> gives <c>prod-web-1</c>.</param>
/// <param name="Share">Its fraction of the instances (the first fleet takes what rounding leaves).</param>
/// <param name="SecurityGroup">The name of its security group in the VPC.</param>
/// <param name="TargetGroup">The load balancer target group it registers in (<c>web</c> or <c>api</c>), if any.</param>
internal sealed record Fleet(
    string NamePrefix,
    string Role,
    double Share,
    string InstanceType,
    SubnetTier Tier,
    string SecurityGroup,
    bool AutoScaled,
    bool Windows,
    int RootSize,
    int? DataSize,
    string? TargetGroup)
{
    public string Name => $"{NamePrefix}-{Role}";

    /// <summary>Instance profiles (and their roles) are named after the fleet.</summary>
    public string Profile => Name;

    public static IReadOnlyList<Fleet> For(AccountPlan account)
    {
        var p = account.Prefix;
        return account.Role switch
        {
            AccountRole.Workload =>
            [
                new(p, "web", 0.35, "m6i.large", SubnetTier.Private, $"{p}-web", true, false, 30, null, "web"),
                new(p, "api", 0.30, "c6i.xlarge", SubnetTier.Private, $"{p}-api", true, false, 30, null, "api"),
                new(p, "worker", 0.25, "m6i.xlarge", SubnetTier.Private, $"{p}-worker", true, false, 50, null, null),
                new(p, "db", 0.10, "r6i.2xlarge", SubnetTier.Data, $"{p}-db", false, false, 50, 500, null),
            ],
            AccountRole.Security =>
            [
                new("security", "scanner", 0.6, "c6i.large", SubnetTier.Private, "security-scanner", true, false, 30, null, null),
                new("security", "siem", 0.4, "m6i.2xlarge", SubnetTier.Private, "siem-collector", false, false, 50, 1000, null),
            ],
            AccountRole.SharedServices =>
            [
                new("shared", "ci-runner", 0.8, "c6i.2xlarge", SubnetTier.Private, "ci-runner", true, false, 100, null, null),
                new("shared", "ad-dc", 0.1, "m6i.large", SubnetTier.Private, "ad-dc", false, true, 100, null, null),
                new("shared", "dns-resolver", 0.1, "t3.medium", SubnetTier.Private, "dns-resolver", false, false, 20, null, null),
            ],
            AccountRole.Sandbox =>
            [
                new(p, "box", 1.0, "t3.medium", SubnetTier.Private, $"{p}-box", false, false, 30, null, null),
            ],
            _ => [],
        };
    }
}
