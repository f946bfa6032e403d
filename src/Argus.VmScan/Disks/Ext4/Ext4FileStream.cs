namespace Argus.VmScan.Disks.Ext4;

/// <summary>
/// One file of the image as a read-only seekable stream, for checks that read a few headers (is this a Go
/// binary?) before deciding to copy the whole file. Synchronous reads wait on the device's asynchronous ones.
/// </summary>
internal sealed class Ext4FileStream(Ext4FileSystem fs, Ext4Inode inode, IReadOnlyList<Ext4Extent> map, CancellationToken ct) : Stream
{
    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => inode.Size;

    public override long Position { get; set; }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var rented = new byte[buffer.Length];
        var read = fs.ReadAsync(inode, map, Position, rented, ct).GetAwaiter().GetResult();
        rented.AsSpan(0, read).CopyTo(buffer);
        Position += read;
        return read;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await fs.ReadAsync(inode, map, Position, buffer, cancellationToken).ConfigureAwait(false);
        Position += read;
        return read;
    }

    public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => Position + offset,
        _ => Length + offset,
    };

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
