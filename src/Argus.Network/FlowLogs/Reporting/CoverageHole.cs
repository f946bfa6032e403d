using System.Globalization;

namespace Argus.Network.FlowLogs.Reporting;

/// <summary>A stretch inside the window where an interface has no record at all, and what else was seen meanwhile.</summary>
/// <param name="Reason">"other interfaces kept logging", "no interface had records", or the S3 hour files found missing.</param>
public sealed record CoverageHole(DateTimeOffset From, DateTimeOffset To, string Reason)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"no records from {From.UtcDateTime:yyyy-MM-dd HH:mm} to {To.UtcDateTime:yyyy-MM-dd HH:mm} UTC ({RuleUsageEvaluator.Span((long)(To - From).TotalSeconds)}): {Reason}");
}
