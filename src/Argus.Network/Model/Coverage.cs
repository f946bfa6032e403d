using Argus.Core.Model;

namespace Argus.Network.Model;

/// <summary>
/// Which answers the snapshot holds, per account and region, and which could not be collected. An answer the
/// engine needs and does not have makes the verdict unknown, naming the permission, never allowed or denied.
/// </summary>
public sealed class Coverage
{
    private readonly HashSet<(string Account, string Region, string Operation)> present = [];
    private readonly Dictionary<(string Account, string Region, string Operation), CoverageGap> gaps = [];

    internal Coverage(IEnumerable<CoverageGap> gaps)
    {
        foreach (var gap in gaps)
        {
            this.gaps.TryAdd((gap.Account, gap.Region, gap.Operation), gap);
        }
    }

    public IReadOnlyCollection<CoverageGap> Gaps => gaps.Values;

    internal void Saw(string account, string region, string operation) => present.Add((account, region, operation));

    /// <summary>
    /// Null when the answer is in the snapshot; otherwise why not: <c>not collected (ec2:DescribeSecurityGroups):
    /// AccessDenied ...</c> for a recorded gap, <c>not in the snapshot (ec2:DescribeNetworkAcls)</c> otherwise.
    /// </summary>
    public string? Missing(string account, string region, string service, string operation)
    {
        if (gaps.TryGetValue((account, region, operation), out var gap))
        {
            return $"not collected ({gap.Permission}): {gap.Reason} in account {account} {region}";
        }

        return present.Contains((account, region, operation)) ? null : $"not collected ({service}:{operation}) in account {account} {region}";
    }
}
