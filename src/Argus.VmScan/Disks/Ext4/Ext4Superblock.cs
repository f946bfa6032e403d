using System.Buffers.Binary;

namespace Argus.VmScan.Disks.Ext4;

/// <summary>The fields of the ext2/3/4 superblock (1024 bytes at byte 1024 of the file system) that reading needs, validated.</summary>
internal sealed record Ext4Superblock(
    long BlockSize,
    long BlocksCount,
    uint InodesCount,
    uint FirstDataBlock,
    uint BlocksPerGroup,
    uint InodesPerGroup,
    int InodeSize,
    int DescriptorSize,
    uint FeatureCompat,
    uint FeatureIncompat,
    uint FeatureRoCompat,
    uint FirstMetaBg)
{
    public const int Offset = 1024;
    public const ushort Magic = 0xEF53;

    public const uint CompatHasJournal = 0x4;
    public const uint IncompatCompression = 0x1;
    public const uint IncompatFileType = 0x2;
    public const uint IncompatRecover = 0x4;
    public const uint IncompatJournalDev = 0x8;
    public const uint IncompatMetaBg = 0x10;
    public const uint IncompatExtents = 0x40;
    public const uint Incompat64Bit = 0x80;
    public const uint IncompatMmp = 0x100;
    public const uint IncompatFlexBg = 0x200;
    public const uint IncompatEaInode = 0x400;
    public const uint IncompatDirData = 0x1000;
    public const uint IncompatCsumSeed = 0x2000;
    public const uint IncompatLargeDir = 0x4000;
    public const uint IncompatInlineData = 0x8000;
    public const uint IncompatEncrypt = 0x10000;
    public const uint IncompatCasefold = 0x20000;
    public const uint RoCompatSparseSuper = 0x1;

    private const uint KnownIncompat = IncompatFileType | IncompatRecover | IncompatMetaBg | IncompatExtents | Incompat64Bit
        | IncompatMmp | IncompatFlexBg | IncompatEaInode | IncompatCsumSeed | IncompatLargeDir | IncompatInlineData | IncompatEncrypt | IncompatCasefold;

    public long GroupCount => (BlocksCount - FirstDataBlock + BlocksPerGroup - 1) / BlocksPerGroup;

    public bool Has(uint incompat) => (FeatureIncompat & incompat) != 0;

    /// <summary>ext4 when any ext4-only feature is on, ext3 with a journal, else ext2: the names mount and blkid use.</summary>
    public string TypeName =>
        Has(IncompatExtents | Incompat64Bit | IncompatFlexBg | IncompatInlineData | IncompatMmp | IncompatCsumSeed | IncompatLargeDir | IncompatEncrypt | IncompatCasefold)
            ? "ext4"
            : (FeatureCompat & CompatHasJournal) != 0 ? "ext3" : "ext2";

    /// <summary>Incompatible features this reader does not know, as hex; a non-zero value means some files may read wrong.</summary>
    public uint UnknownIncompat => FeatureIncompat & ~KnownIncompat;

    /// <summary>Whether bytes 1024+56 hold the ext magic (a cheap probe before <see cref="Parse"/>).</summary>
    public static bool HasMagic(ReadOnlySpan<byte> superblock) =>
        superblock.Length >= 58 && BinaryPrimitives.ReadUInt16LittleEndian(superblock[0x38..]) == Magic;

    /// <exception cref="DiskFormatException">A field is outside what the format allows; names the field's byte offset.</exception>
    public static Ext4Superblock Parse(ReadOnlySpan<byte> s, long deviceStart, long deviceLength)
    {
        long At(int field) => deviceStart + Offset + field;
        if (!HasMagic(s))
        {
            throw new DiskFormatException(At(0x38), "no ext2/3/4 superblock magic 0xEF53");
        }

        var logBlock = BinaryPrimitives.ReadUInt32LittleEndian(s[0x18..]);
        if (logBlock > 6)
        {
            throw new DiskFormatException(At(0x18), $"block size 2^(10+{logBlock}) is outside 1-64 KiB");
        }

        var blockSize = 1024L << (int)logBlock;
        var incompat = BinaryPrimitives.ReadUInt32LittleEndian(s[0x60..]);
        var is64 = (incompat & Incompat64Bit) != 0;
        var blocks = (long)BinaryPrimitives.ReadUInt32LittleEndian(s[0x4..]) | (is64 ? (long)BinaryPrimitives.ReadUInt32LittleEndian(s[0x150..]) << 32 : 0);
        var inodes = BinaryPrimitives.ReadUInt32LittleEndian(s);
        var firstData = BinaryPrimitives.ReadUInt32LittleEndian(s[0x14..]);
        var blocksPerGroup = BinaryPrimitives.ReadUInt32LittleEndian(s[0x20..]);
        var inodesPerGroup = BinaryPrimitives.ReadUInt32LittleEndian(s[0x28..]);
        var revision = BinaryPrimitives.ReadUInt32LittleEndian(s[0x4C..]);
        int inodeSize = revision == 0 ? 128 : BinaryPrimitives.ReadUInt16LittleEndian(s[0x58..]);
        int descSize = is64 ? BinaryPrimitives.ReadUInt16LittleEndian(s[0xFE..]) : 32;

        if (blocksPerGroup == 0 || blocksPerGroup > blockSize * 8)
        {
            throw new DiskFormatException(At(0x20), $"{blocksPerGroup} blocks per group (a group's bitmap holds at most {blockSize * 8})");
        }

        if (inodesPerGroup == 0 || inodesPerGroup > blockSize * 8)
        {
            throw new DiskFormatException(At(0x28), $"{inodesPerGroup} inodes per group (a group's bitmap holds at most {blockSize * 8})");
        }

        if (inodeSize < 128 || inodeSize > blockSize || (inodeSize & (inodeSize - 1)) != 0)
        {
            throw new DiskFormatException(At(0x58), $"inode size {inodeSize} is not a power of two between 128 and the block size {blockSize}");
        }

        if (descSize < 32 || descSize > 1024 || (is64 && descSize < 64) || (descSize & (descSize - 1)) != 0)
        {
            throw new DiskFormatException(At(0xFE), $"group descriptor size {descSize} is not valid");
        }

        if (firstData != (blockSize == 1024 ? 1u : 0u))
        {
            throw new DiskFormatException(At(0x14), $"first data block {firstData} does not match the block size {blockSize}");
        }

        if (blocks <= firstData || blocks * blockSize > deviceLength)
        {
            throw new DiskFormatException(At(0x4), $"the file system claims {blocks} blocks of {blockSize} bytes but its partition holds {deviceLength} bytes");
        }

        var groups = (blocks - firstData + blocksPerGroup - 1) / blocksPerGroup;
        if (inodes == 0 || inodes > groups * inodesPerGroup)
        {
            throw new DiskFormatException(At(0x0), $"{inodes} inodes do not fit {groups} groups of {inodesPerGroup}");
        }

        return new Ext4Superblock(blockSize, blocks, inodes, firstData, blocksPerGroup, inodesPerGroup, inodeSize, descSize,
            BinaryPrimitives.ReadUInt32LittleEndian(s[0x5C..]), incompat, BinaryPrimitives.ReadUInt32LittleEndian(s[0x64..]),
            BinaryPrimitives.ReadUInt32LittleEndian(s[0x104..]));
    }
}
