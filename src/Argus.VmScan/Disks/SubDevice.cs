namespace Argus.VmScan.Disks;

/// <summary>A window of another device: one partition read as a device of its own, offsets relative to its start.</summary>
internal sealed class SubDevice(IBlockDevice parent, long start, long length) : IBlockDevice
{
    public long Start { get; } = start;

    public long Length { get; } = length;

    public ValueTask<int> ReadAsync(long offset, Memory<byte> buffer, CancellationToken ct)
    {
        if (offset >= Length)
        {
            return ValueTask.FromResult(0);
        }

        var count = (int)Math.Min(buffer.Length, Length - offset);
        return parent.ReadAsync(Start + offset, buffer[..count], ct);
    }

    // The parent owns the handle.
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
