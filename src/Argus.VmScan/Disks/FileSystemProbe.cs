using Argus.VmScan.Disks.Ext4;

namespace Argus.VmScan.Disks;

/// <summary>Names the file system (or other content) of a partition from its magic numbers, as blkid does.</summary>
internal static class FileSystemProbe
{
    private const int ProbeBytes = 0x10040 + 8;
    private static readonly byte[] Luks = [(byte)'L', (byte)'U', (byte)'K', (byte)'S', 0xBA, 0xBE];

    public static async Task<string> DetectAsync(IBlockDevice device, CancellationToken ct)
    {
        var head = new byte[(int)Math.Min(ProbeBytes, device.Length)];
        var read = await device.ReadAsync(0, head, ct).ConfigureAwait(false);
        bool At(int offset, ReadOnlySpan<byte> magic) => read >= offset + magic.Length && head.AsSpan(offset, magic.Length).SequenceEqual(magic);

        if (read >= 2048 && Ext4Superblock.HasMagic(head.AsSpan(Ext4Superblock.Offset)))
        {
            return "ext";
        }

        return true switch
        {
            _ when At(0, "XFSB"u8) => "xfs",
            _ when At(0x10040, "_BHRfS_M"u8) => "btrfs",
            _ when At(4096 - 10, "SWAPSPACE2"u8) || At(4096 - 10, "SWAP-SPACE"u8) => "swap",
            _ when At(0, Luks) => "crypto_LUKS",
            _ when At(512, "LABELONE"u8) || At(0, "LABELONE"u8) => "LVM2_member",
            _ when At(3, "NTFS    "u8) => "ntfs",
            _ when At(0x36, "FAT"u8) || At(0x52, "FAT32"u8) => "vfat",
            _ when At(0x8001, "CD001"u8) => "iso9660",
            _ when read > 0 && !head.AsSpan(0, read).ContainsAnyExcept((byte)0) => "empty",
            _ => "unknown",
        };
    }

    /// <summary>Why a detected but unread type yields no inventory.</summary>
    public static string Unsupported(string type) => type switch
    {
        "xfs" => "XFS is detected but not read yet",
        "swap" => "swap space holds no files",
        "empty" => "the partition reads as zeros (never written, or blocks absent from the snapshot)",
        "crypto_LUKS" => "LUKS-encrypted: the key is not available to an agentless scan",
        "LVM2_member" => "an LVM physical volume: logical volumes are not read yet",
        "unknown" => "no file system Argus recognises",
        _ => $"{type} is detected but not read",
    };
}
