namespace Argus.VmScan.Disks;

/// <summary>Exact reads over <see cref="IBlockDevice"/>: a structure that runs past the device's end is an error naming the offset.</summary>
internal static class BlockDeviceExtensions
{
    public static async ValueTask<byte[]> ReadExactAsync(this IBlockDevice device, long offset, int count, string what, CancellationToken ct)
    {
        var buffer = new byte[count];
        await device.ReadExactAsync(offset, buffer, what, ct).ConfigureAwait(false);
        return buffer;
    }

    public static async ValueTask ReadExactAsync(this IBlockDevice device, long offset, Memory<byte> buffer, string what, CancellationToken ct)
    {
        if (offset < 0 || offset + buffer.Length > device.Length)
        {
            throw new DiskFormatException(offset, $"{what} ({buffer.Length} bytes) lies past the end of the device ({device.Length} bytes)");
        }

        var read = await device.ReadAsync(offset, buffer, ct).ConfigureAwait(false);
        if (read < buffer.Length)
        {
            throw new DiskFormatException(offset + read, $"{what}: the device ended after {read} of {buffer.Length} bytes");
        }
    }
}
