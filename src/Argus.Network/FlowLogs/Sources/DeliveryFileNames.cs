using System.Globalization;
using System.Text.RegularExpressions;
using Argus.Network.FlowLogs.Reporting;

namespace Argus.Network.FlowLogs.Sources;

/// <summary>
/// Reads the names S3 delivery gives flow log files
/// (<c>&lt;account&gt;_vpcflowlogs_&lt;region&gt;_&lt;flow-log-id&gt;_&lt;YYYYMMDDTHHmmZ&gt;_&lt;hash&gt;.log.gz</c>, whether in S3 or
/// copied down) and finds the hours a flow log delivered nothing between its first and last file: AWS writes
/// files every few minutes while the log is active, so a missing hour is records that were never read.
/// </summary>
public static partial class DeliveryFileNames
{
    /// <summary>The flow log and delivery time named by a file, or null when the name is not a delivery file's.</summary>
    public static (string Account, string Region, string FlowLogId, DateTimeOffset Time)? Parse(string name)
    {
        var m = Pattern().Match(name);
        if (!m.Success || !DateTimeOffset.TryParseExact(m.Groups[4].Value, "yyyyMMdd'T'HHmm'Z'", CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal, out var time))
        {
            return null;
        }

        return (m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value, time);
    }

    /// <summary>The runs of missing hours per flow log, among the names that are delivery files (others are ignored).</summary>
    public static IReadOnlyList<DeliveryGap> MissingHours(IEnumerable<string> names)
    {
        var gaps = new List<DeliveryGap>();
        var byLog = names.Select(Parse).OfType<(string Account, string Region, string FlowLogId, DateTimeOffset Time)>()
            .GroupBy(f => (f.Account, f.Region, f.FlowLogId));
        foreach (var log in byLog.OrderBy(g => g.Key.FlowLogId, StringComparer.Ordinal))
        {
            var hours = log.Select(f => f.Time.ToUnixTimeSeconds() / 3600).Distinct().Order().ToList();
            for (var i = 1; i < hours.Count; i++)
            {
                if (hours[i] - hours[i - 1] > 1)
                {
                    gaps.Add(new DeliveryGap(log.Key.FlowLogId, log.Key.Account, log.Key.Region,
                        DateTimeOffset.FromUnixTimeSeconds((hours[i - 1] + 1) * 3600), DateTimeOffset.FromUnixTimeSeconds(hours[i] * 3600)));
                }
            }
        }

        return gaps;
    }

    [GeneratedRegex(@"(\d{12})_vpcflowlogs_([a-z0-9-]+)_(fl-[0-9a-zA-Z]+)_(\d{8}T\d{4}Z)_[0-9a-zA-Z]+\.log(\.gz)?$")]
    private static partial Regex Pattern();
}
