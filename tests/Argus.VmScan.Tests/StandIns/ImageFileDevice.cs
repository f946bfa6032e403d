using Argus.VmScan.Disks;

namespace Argus.VmScan.Tests.StandIns;

/// <summary>A disk image file read as a block device: the test's view of a snapshot or attached volume before the disk readers land.</summary>
internal sealed class ImageFileDevice(string path) : IBlockDevice
{
    private readonly FileStream file = new(path, FileMode.Open, FileAccess.Read, FileShare.Read);

    public long Length => file.Length;

    public async ValueTask<int> ReadAsync(long offset, Memory<byte> buffer, CancellationToken ct)
    {
        file.Position = offset;
        var total = 0;
        while (total < buffer.Length)
        {
            var n = await file.ReadAsync(buffer[total..], ct);
            if (n == 0)
            {
                break;
            }

            total += n;
        }

        return total;
    }

    public ValueTask DisposeAsync() => file.DisposeAsync();
}
