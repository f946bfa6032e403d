namespace Argus.Network.FlowLogs.Parsing;

/// <summary>A line that is not a valid record, with where it is and why.</summary>
/// <param name="Source">The file, S3 object or log stream.</param>
/// <param name="Line">1-based line number in the (decompressed) text.</param>
public sealed record FlowLogBadLine(string Source, long Line, string Reason)
{
    public override string ToString() => $"{Source}:{Line}: {Reason}";
}
