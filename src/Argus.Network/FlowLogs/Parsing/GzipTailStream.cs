namespace Argus.Network.FlowLogs.Parsing;

/// <summary>
/// A read-only stream that first replays bytes already peeked from the inner stream, then reads the inner stream,
/// remembering whether it reached the end and the last 4 bytes it passed on (the last gzip member's ISIZE field),
/// which tell the reader whether a gzip error came from a cut and, without strict validation, whether a single-member file was cut.
/// </summary>
internal sealed class GzipTailStream(byte[] peeked, int peekedCount, Stream inner) : ForwardReadStream
{
    private readonly byte[] tail = new byte[4];
    private int peekedAt;
    private long total;

    public long Total => total;

    /// <summary>True once the inner stream reported its end.</summary>
    public bool AtEnd { get; private set; }

    /// <summary>The last 4 bytes read, little-endian, or null when fewer than 4 were read.</summary>
    public uint? LastUInt32 => total < 4 ? null : BitConverter.ToUInt32(tail);

    public override int Read(Span<byte> buffer)
    {
        int n;
        if (peekedAt < peekedCount)
        {
            n = Math.Min(buffer.Length, peekedCount - peekedAt);
            peeked.AsSpan(peekedAt, n).CopyTo(buffer);
            peekedAt += n;
        }
        else
        {
            n = inner.Read(buffer);
            AtEnd |= n == 0 && !buffer.IsEmpty;
        }

        Remember(buffer[..n]);
        return n;
    }

    private void Remember(ReadOnlySpan<byte> read)
    {
        if (read.Length >= 4)
        {
            read[^4..].CopyTo(tail);
        }
        else if (read.Length > 0)
        {
            tail.AsSpan(read.Length).CopyTo(tail);
            read.CopyTo(tail.AsSpan(4 - read.Length));
        }

        total += read.Length;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
