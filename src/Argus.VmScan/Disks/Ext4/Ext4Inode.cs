using System.Buffers.Binary;

namespace Argus.VmScan.Disks.Ext4;

/// <summary>The fields of one on-disk inode that reading needs.</summary>
/// <param name="Block">The 60-byte i_block area: extent tree root, block map, fast symlink target or inline data.</param>
internal sealed record Ext4Inode(uint Number, ushort Mode, long Size, ushort Links, uint Flags, byte[] Block, long DiskOffset)
{
    public const uint FlagIndex = 0x1000;
    public const uint FlagExtents = 0x80000;
    public const uint FlagEncrypt = 0x800;
    public const uint FlagInlineData = 0x10000000;
    public const int BlockBytes = 60;

    public Ext4FileType Type => (Mode & 0xF000) switch
    {
        0x8000 => Ext4FileType.Regular,
        0x4000 => Ext4FileType.Directory,
        0xA000 => Ext4FileType.Symlink,
        0x2000 => Ext4FileType.CharDevice,
        0x6000 => Ext4FileType.BlockDevice,
        0x1000 => Ext4FileType.Fifo,
        0xC000 => Ext4FileType.Socket,
        _ => Ext4FileType.Unknown,
    };

    /// <summary>The permission bits (rwx for user, group, other; set-id and sticky bits dropped).</summary>
    public int Permissions => Mode & 0x1FF;

    public bool HasFlag(uint flag) => (Flags & flag) != 0;

    public static Ext4Inode Parse(uint number, ReadOnlySpan<byte> raw, long diskOffset) => new(
        number,
        BinaryPrimitives.ReadUInt16LittleEndian(raw),
        (long)BinaryPrimitives.ReadUInt32LittleEndian(raw[0x4..]) | ((long)BinaryPrimitives.ReadUInt32LittleEndian(raw[0x6C..]) << 32),
        BinaryPrimitives.ReadUInt16LittleEndian(raw[0x1A..]),
        BinaryPrimitives.ReadUInt32LittleEndian(raw[0x20..]),
        raw.Slice(0x28, BlockBytes).ToArray(),
        diskOffset);
}

/// <summary>What an inode is, from the type bits of its mode.</summary>
internal enum Ext4FileType
{
    Unknown,
    Regular,
    Directory,
    Symlink,
    CharDevice,
    BlockDevice,
    Fifo,
    Socket,
}
