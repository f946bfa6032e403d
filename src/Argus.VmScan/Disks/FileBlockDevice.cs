using Microsoft.Win32.SafeHandles;

namespace Argus.VmScan.Disks;

/// <summary>
/// A disk image file or a block device node (an attached snapshot volume, /dev/nvme1n1), opened read-only.
/// Sharing read and write lets the kernel or another tool keep the device open; Argus itself never writes.
/// </summary>
public sealed class FileBlockDevice : IBlockDevice
{
    private readonly SafeFileHandle handle;

    /// <exception cref="FileNotFoundException">The path does not exist.</exception>
    /// <exception cref="UnauthorizedAccessException">The device cannot be read (a device node usually needs root or the disk group).</exception>
    public FileBlockDevice(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        handle = File.OpenHandle(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, FileOptions.RandomAccess);
        Length = RandomAccess.GetLength(handle);
        if (Length == 0)
        {
            // A block device node reports size 0 through stat: its size is where a seek to its end lands.
            using var probe = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1);
            Length = probe.Seek(0, SeekOrigin.End);
        }
    }

    /// <summary>The full path that was opened.</summary>
    public string Path { get; }

    /// <inheritdoc />
    public long Length { get; }

    /// <inheritdoc />
    public async ValueTask<int> ReadAsync(long offset, Memory<byte> buffer, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        var total = 0;
        while (total < buffer.Length && offset + total < Length)
        {
            var read = await RandomAccess.ReadAsync(handle, buffer[total..], offset + total, ct).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        handle.Dispose();
        return ValueTask.CompletedTask;
    }
}
