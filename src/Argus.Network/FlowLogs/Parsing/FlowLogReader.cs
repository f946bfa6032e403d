using System.Buffers;
using System.IO.Compression;

namespace Argus.Network.FlowLogs.Parsing;

/// <summary>
/// Streams flow log text (plain or gzip, told apart by the gzip magic bytes) line by line into a sink, with a
/// fixed-size buffer whatever the input size. The first line may be a header naming the fields; a header line
/// later on switches the format (files concatenated from flow logs of different versions). Bad lines are
/// counted and listed with their line number; nothing in the input makes reading throw. Gzip input may hold
/// several members (<c>cat a.gz b.gz</c>, log shippers that append): all are read, and only a stream that really
/// ends inside a member is reported as truncated.
/// </summary>
public static class FlowLogReader
{
    /// <summary>Bad lines listed per source; the rest are counted.</summary>
    public const int MaxBadLinesListed = 100;

    /// <summary>Longer lines are reported and skipped (real records are a few hundred bytes).</summary>
    public const int MaxLineBytes = 64 * 1024;

    private const int BufferBytes = 256 * 1024;

    /// <summary>Reads one source to its end.</summary>
    /// <param name="format">The flow log's format when known (LogFormat from DescribeFlowLogs), else the default; a header line overrides it.</param>
    /// <exception cref="OperationCanceledException">Cancelled; the counts so far are lost with the exception.</exception>
    public static FlowLogSourceResult Read(Stream stream, string source, FlowLogFormat? format, IFlowRecordSink sink, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _ = StrictGzip.Active;
        var peek = new byte[2];
        var peeked = 0;
        var problems = new List<string>();
        var state = new State(source, format ?? FlowLogFormat.Default, sink, problems);
        try
        {
            while (peeked < 2)
            {
                var n = stream.Read(peek, peeked, 2 - peeked);
                if (n == 0)
                {
                    break;
                }

                peeked += n;
            }

            var gzip = peeked == 2 && peek[0] == 0x1f && peek[1] == 0x8b;
            state.Gzip = gzip;
            using var tail = new GzipTailStream(peek, peeked, stream);
            using var text = gzip ? new GZipStream(tail, CompressionMode.Decompress) : (Stream)tail;
            try
            {
                ReadLines(text, state, ct);
            }
            catch (InvalidDataException e) when (tail.AtEnd)
            {
                // Strict validation throws when the input ends inside a member: a real cut, not a later member.
                problems.Add(Truncated(state) + $" ({e.Message.TrimEnd('.')})");
                return state.Result();
            }

            // Without strict validation (the switch was read before this class ran) only the last member's
            // length field can be checked, and only when the file is a single member.
            if (gzip && !StrictGzip.Active && tail.LastUInt32 is { } size && size != (uint)state.TextBytes)
            {
                problems.Add(Truncated(state) + ": the last gzip member's length field does not match the text read (or the file holds several members, which this process cannot tell apart)");
            }
        }
        catch (InvalidDataException e)
        {
            problems.Add($"gzip data is corrupt after {state.TextBytes:N0} decompressed bytes (line {state.LineNumber}): {e.Message}; the records before it were read");
        }
        catch (IOException e)
        {
            problems.Add($"read failed after {state.TextBytes:N0} bytes (line {state.LineNumber}): {e.Message}; the records before it were read");
        }

        return state.Result();
    }

    private static string Truncated(State state) =>
        $"gzip stream ends early (truncated file?) in line {state.LineNumber:N0}, after {state.TextBytes:N0} decompressed bytes; the records before the cut were read";

    private static void ReadLines(Stream text, State state, CancellationToken ct)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferBytes);
        try
        {
            var filled = 0;
            var skippingLongLine = false;
            while (true)
            {
                ct.ThrowIfCancellationRequested();
                int n;
                try
                {
                    n = text.Read(buffer, filled, buffer.Length - filled);
                }
                catch (InvalidDataException) when (filled > 0 && !skippingLongLine)
                {
                    // The partial line before a cut is reported as such rather than lost.
                    state.Line(buffer.AsSpan(0, filled), lastWithoutNewline: true);
                    throw;
                }

                if (n == 0)
                {
                    if (filled > 0 && !skippingLongLine)
                    {
                        state.Line(buffer.AsSpan(0, filled), lastWithoutNewline: true);
                    }

                    return;
                }

                state.TextBytes += n;
                var end = filled + n;
                var start = 0;
                var searchFrom = filled;
                while (true)
                {
                    var newline = buffer.AsSpan(searchFrom, end - searchFrom).IndexOf((byte)'\n');
                    if (newline < 0)
                    {
                        break;
                    }

                    var lineEnd = searchFrom + newline;
                    if (skippingLongLine)
                    {
                        skippingLongLine = false;
                    }
                    else if (lineEnd - start > MaxLineBytes)
                    {
                        state.LongLine();
                    }
                    else
                    {
                        state.Line(buffer.AsSpan(start, lineEnd - start), lastWithoutNewline: false);
                    }

                    start = searchFrom = lineEnd + 1;
                }

                filled = end - start;
                if (filled >= MaxLineBytes)
                {
                    // A line this long is not a record: report it once and drop bytes until its newline.
                    if (!skippingLongLine)
                    {
                        state.LongLine();
                    }

                    skippingLongLine = true;
                    filled = 0;
                }
                else if (start > 0)
                {
                    buffer.AsSpan(start, filled).CopyTo(buffer);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private sealed class State(string source, FlowLogFormat format, IFlowRecordSink sink, List<string> problems)
    {
        private readonly List<FlowLogBadLine> badLines = [];
        private FlowLogFormat format = format;
        private long records;
        private long ok;
        private long noData;
        private long skipData;
        private long empty;
        private long malformed;
        private bool hadHeader;

        public long LineNumber { get; private set; }

        public long TextBytes { get; set; }

        public bool Gzip { get; set; }

        public void Line(ReadOnlySpan<byte> line, bool lastWithoutNewline)
        {
            LineNumber++;
            if (!line.IsEmpty && line[^1] == (byte)'\r')
            {
                line = line[..^1];
            }

            if (line.IsEmpty || line.TrimStart((byte)' ').IsEmpty)
            {
                empty++;
                return;
            }

            // TryParse resets every field: zeroing the large record here as well cost a few percent.
            System.Runtime.CompilerServices.Unsafe.SkipInit(out FlowRecord record);
            var reason = FlowLineParser.TryParse(line, format, ref record);
            if (reason is null)
            {
                record.Line = (int)Math.Min(LineNumber, int.MaxValue);
                records++;
                switch (record.LogStatus)
                {
                    case FlowLogStatus.NoData:
                        noData++;
                        break;
                    case FlowLogStatus.SkipData:
                        skipData++;
                        break;
                    default:
                        ok++;
                        break;
                }

                sink.OnRecord(ref record);
                return;
            }

            if (FlowLogFormat.TryParseHeader(line) is { } header)
            {
                if (LineNumber == 1)
                {
                    hadHeader = true;
                }
                else
                {
                    problems.Add($"line {LineNumber}: a header line switches the format to version {header.Version} ({header.Count} fields)");
                }

                if (header.UnknownNames.Count > 0)
                {
                    problems.Add($"line {LineNumber}: unknown fields {string.Join(", ", header.UnknownNames)}; their values are ignored");
                }

                format = header;
                return;
            }

            Bad(lastWithoutNewline ? reason + " (truncated last line, no trailing newline)" : reason);
        }

        public void LongLine()
        {
            LineNumber++;
            Bad($"line longer than {MaxLineBytes:N0} bytes");
        }

        private void Bad(string reason)
        {
            malformed++;
            if (badLines.Count < MaxBadLinesListed)
            {
                badLines.Add(new FlowLogBadLine(source, LineNumber, reason));
            }
        }

        public FlowLogSourceResult Result() => new()
        {
            Source = source,
            Lines = LineNumber,
            Records = records,
            OkRecords = ok,
            NoDataRecords = noData,
            SkipDataRecords = skipData,
            EmptyLines = empty,
            MalformedLines = malformed,
            BadLines = badLines,
            HadHeader = hadHeader,
            Format = format == FlowLogFormat.Default ? "default (version 2)" : $"custom version {format.Version}, {format.Count} fields",
            Gzip = Gzip,
            Problems = problems,
            TextBytes = TextBytes,
        };
    }
}
