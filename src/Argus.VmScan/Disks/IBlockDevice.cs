namespace Argus.VmScan.Disks;

/// <summary>
/// A disk read by byte offset: an attached volume's device node, a disk image file, or an EBS snapshot read
/// through the EBS direct APIs. Read-only by construction: nothing in Argus ever writes to a customer's disk.
/// </summary>
public interface IBlockDevice : IAsyncDisposable
{
    /// <summary>The device's size in bytes.</summary>
    long Length { get; }

    /// <summary>
    /// Fills <paramref name="buffer"/> from <paramref name="offset"/>; returns fewer bytes only at the end of the device.
    /// Regions never written (sparse, or blocks an EBS snapshot does not hold) read as zeros.
    /// </summary>
    ValueTask<int> ReadAsync(long offset, Memory<byte> buffer, CancellationToken ct);
}
