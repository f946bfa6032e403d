using Argus.Core.Model;

namespace Argus.Synthetic.FlowLogs;

/// <summary>
/// Generates VPC flow logs consistent with a synthetic organization: traffic only between the interfaces,
/// addresses and security group rules its raw documents describe, on the interfaces its DescribeFlowLogs
/// answers cover, in the default format as S3 delivers it. Deterministic: the same preset, seed and hours give
/// the same files. What the traffic implies (planted unused and over-broad rules, a SKIPDATA hole) is returned.
/// </summary>
public static class SyntheticFlowLogs
{
    public const int DefaultHours = 48;

    /// <summary>Writes the logs under <paramref name="folder"/>/AWSLogs/..., covering the <paramref name="hours"/> before the snapshot time.</summary>
    public static SyntheticFlowLogSummary Write(SyntheticPreset preset, int seed, string folder, int hours = DefaultHours)
    {
        ArgumentNullException.ThrowIfNull(preset);
        ArgumentOutOfRangeException.ThrowIfLessThan(hours, 1);
        var source = SyntheticEnvironment.Generate(preset, seed);
        var at = source.Header.StartedAt ?? throw new InvalidOperationException("the synthetic snapshot has no time");
        var end = new DateTimeOffset(at.Year, at.Month, at.Day, at.Hour, 0, 0, TimeSpan.Zero);
        var from = end.AddHours(-hours);
        var regions = new Dictionary<(string, string), RegionNetworkFacts>();
        foreach (var doc in source.ReadDocuments())
        {
            if (doc.Provider != Provider.Aws || doc.Service != "ec2" || doc.Region == Regions.Global
                || doc.Operation is not ("DescribeNetworkInterfaces" or "DescribeSecurityGroups" or "DescribeFlowLogs" or "GetManagedPrefixListEntries"
                    or "DescribeSubnets" or "DescribeNetworkAcls"))
            {
                continue;
            }

            if (!regions.TryGetValue((doc.Account, doc.Region), out var facts))
            {
                regions[(doc.Account, doc.Region)] = facts = new RegionNetworkFacts { Account = doc.Account, Region = doc.Region };
            }

            facts.Add(doc);
        }

        var totals = new RegionTraffic.Totals();
        foreach (var facts in regions.Values.Where(f => !f.IsEmpty))
        {
            RegionTraffic.Write(facts, seed, from, hours, folder, totals);
        }

        return new SyntheticFlowLogSummary(folder, totals.Files, totals.Records, from, end, totals.Unused, totals.OverBroad, totals.SkipData);
    }
}
