using System.Globalization;

namespace Argus.Network.FlowLogs.Reporting;

/// <summary>Hours between a flow log's first and last S3 delivery file for which no file was read.</summary>
public sealed record DeliveryGap(string FlowLogId, string Account, string Region, DateTimeOffset From, DateTimeOffset To)
{
    public int Hours => (int)(To - From).TotalHours;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{FlowLogId}: no S3 file for {Hours} hour(s) from {From.UtcDateTime:yyyy-MM-dd HH:mm} to {To.UtcDateTime:yyyy-MM-dd HH:mm} UTC");
}
