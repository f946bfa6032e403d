namespace Argus.Core.IO;

/// <summary>
/// A read-only, forward-only pass-through that counts what it delivers and lets a subclass refuse to go on (size
/// limits on decompressing archives and image layers). It owns and disposes the inner stream.
/// </summary>
public abstract class CountingReadStream(Stream inner) : Stream
{
    /// <summary>Bytes delivered so far.</summary>
    public long Total { get; private set; }

    /// <summary>A read has returned 0 for a non-empty buffer: the inner stream is exhausted.</summary>
    public bool Exhausted { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => Total;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        Exhausted |= read == 0 && buffer.Length > 0;
        Total += read;
        AfterRead(Total);
        return read;
    }

    /// <summary>Called after every read with the running total; throw to stop reading.</summary>
    protected abstract void AfterRead(long total);

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
