namespace Argus.Network.FlowLogs.Parsing;

/// <summary>What reading one file, S3 object or log stream gave: counts, the format used, and everything that was wrong.</summary>
public sealed record FlowLogSourceResult
{
    public required string Source { get; init; }

    /// <summary>Lines in the decompressed text, header and empty lines included.</summary>
    public long Lines { get; init; }

    /// <summary>Valid records handed to the sink.</summary>
    public long Records { get; init; }

    public long OkRecords { get; init; }

    public long NoDataRecords { get; init; }

    public long SkipDataRecords { get; init; }

    public long EmptyLines { get; init; }

    /// <summary>Lines that are not valid records; the first ones are listed in <see cref="BadLines"/>.</summary>
    public long MalformedLines { get; init; }

    /// <summary>The first bad lines (up to <see cref="FlowLogReader.MaxBadLinesListed"/>), with line and reason.</summary>
    public IReadOnlyList<FlowLogBadLine> BadLines { get; init; } = [];

    /// <summary>Whether the text began with a header line naming its fields.</summary>
    public bool HadHeader { get; init; }

    /// <summary>The format of the last records read (a header line mid-file switches formats).</summary>
    public required string Format { get; init; }

    public bool Gzip { get; init; }

    /// <summary>Problems with the file as a whole: a truncated gzip stream, unknown field names, a read error.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];

    /// <summary>Bytes of text read after decompression.</summary>
    public long TextBytes { get; init; }
}
