using System.Buffers.Binary;
using System.Text;

namespace Argus.VmScan.Disks.Ext4;

/// <summary>
/// Reads an ext2, ext3 or ext4 file system from a device, as the kernel's on-disk format documentation describes
/// it: group descriptors (32 or 64 bytes, meta_bg), inodes, extent trees of any depth and the older block maps,
/// linear and hashed directories, symlinks and small inline data. Nothing is trusted: every block number, size,
/// depth and count is checked against the file system's own bounds, and a bad structure fails with the inode
/// and byte offset rather than a hang or an unbounded allocation.
/// </summary>
internal sealed class Ext4FileSystem
{
    public const uint RootInode = 2;
    private const int MaxExtentDepth = 5;
    private const int MaxExtents = 1 << 20;
    private const int MetadataCacheBlocks = 4096;
    private const long MaxDirectoryBytes = 256L * 1024 * 1024;
    private const int MaxLinkBytes = 4096;
    private const int MaxLinkHops = 40;

    private readonly IBlockDevice device;
    private readonly long diskStart;
    private readonly long[] inodeTables;
    private readonly Dictionary<long, byte[]> metadata = [];

    private Ext4FileSystem(IBlockDevice device, long diskStart, Ext4Superblock superblock, long[] inodeTables)
    {
        this.device = device;
        this.diskStart = diskStart;
        Superblock = superblock;
        this.inodeTables = inodeTables;
    }

    public Ext4Superblock Superblock { get; }

    public long BlockSize => Superblock.BlockSize;

    /// <summary>Opens the file system on <paramref name="device"/> (a partition), which starts at byte <paramref name="diskStart"/> of the disk (for error offsets).</summary>
    /// <exception cref="DiskFormatException">The superblock or a group descriptor is corrupt.</exception>
    public static async Task<Ext4FileSystem> OpenAsync(IBlockDevice device, long diskStart, CancellationToken ct)
    {
        var raw = await device.ReadExactAsync(Ext4Superblock.Offset, 1024, "ext superblock", ct).ConfigureAwait(false);
        var sb = Ext4Superblock.Parse(raw, diskStart, device.Length);
        if (sb.Has(Ext4Superblock.IncompatJournalDev))
        {
            throw new DiskFormatException(diskStart + Ext4Superblock.Offset + 0x60, "an external ext journal device, which holds no files");
        }

        var groups = sb.GroupCount;
        var perBlock = sb.BlockSize / sb.DescriptorSize;
        var tables = new long[groups];
        var firstMetaGroup = sb.Has(Ext4Superblock.IncompatMetaBg) ? sb.FirstMetaBg : long.MaxValue;
        for (long metaGroup = 0; metaGroup * perBlock < groups; metaGroup++)
        {
            var block = metaGroup < firstMetaGroup
                ? sb.FirstDataBlock + 1 + metaGroup
                : GroupFirstBlock(sb, metaGroup * perBlock) + (HasSuperblockCopy(sb, metaGroup * perBlock) ? 1 : 0);
            if (block >= sb.BlocksCount)
            {
                throw new DiskFormatException(diskStart + (block * sb.BlockSize), $"group descriptor block {block} lies past the file system's {sb.BlocksCount} blocks");
            }

            var descriptors = await device.ReadExactAsync(block * sb.BlockSize, (int)sb.BlockSize, "group descriptors", ct).ConfigureAwait(false);
            for (var i = 0; i < perBlock && (metaGroup * perBlock) + i < groups; i++)
            {
                var group = (metaGroup * perBlock) + i;
                var d = descriptors.AsSpan((int)(i * sb.DescriptorSize), sb.DescriptorSize);
                var table = (long)BinaryPrimitives.ReadUInt32LittleEndian(d[0x8..]) | (sb.DescriptorSize >= 64 ? (long)BinaryPrimitives.ReadUInt32LittleEndian(d[0x28..]) << 32 : 0);
                var tableBlocks = ((long)sb.InodesPerGroup * sb.InodeSize + sb.BlockSize - 1) / sb.BlockSize;
                if (table == 0 || table + tableBlocks > sb.BlocksCount)
                {
                    throw new DiskFormatException(diskStart + (block * sb.BlockSize) + (i * sb.DescriptorSize) + 0x8,
                        $"group {group}'s inode table at block {table} lies outside the file system's {sb.BlocksCount} blocks");
                }

                tables[group] = table;
            }
        }

        return new Ext4FileSystem(device, diskStart, sb, tables);
    }

    private static long GroupFirstBlock(Ext4Superblock sb, long group) => sb.FirstDataBlock + (group * sb.BlocksPerGroup);

    private static bool HasSuperblockCopy(Ext4Superblock sb, long group)
    {
        if ((sb.FeatureRoCompat & Ext4Superblock.RoCompatSparseSuper) == 0 || group <= 1)
        {
            return true;
        }

        return IsPowerOf(group, 3) || IsPowerOf(group, 5) || IsPowerOf(group, 7);
    }

    private static bool IsPowerOf(long n, long b)
    {
        while (n % b == 0)
        {
            n /= b;
        }

        return n == 1;
    }

    /// <exception cref="DiskFormatException">The inode number is out of range.</exception>
    public async Task<Ext4Inode> ReadInodeAsync(uint number, CancellationToken ct)
    {
        if (number == 0 || number > Superblock.InodesCount)
        {
            throw new DiskFormatException(diskStart + Ext4Superblock.Offset, $"inode number {number} is outside 1..{Superblock.InodesCount}");
        }

        var group = (number - 1) / Superblock.InodesPerGroup;
        var index = (long)((number - 1) % Superblock.InodesPerGroup);
        var byteInTable = index * Superblock.InodeSize;
        var block = inodeTables[group] + (byteInTable / BlockSize);
        var data = await MetadataBlockAsync(block, ct).ConfigureAwait(false);
        var at = (int)(byteInTable % BlockSize);
        return Ext4Inode.Parse(number, data.AsSpan(at, Math.Min(Superblock.InodeSize, 160)), diskStart + (block * BlockSize) + at);
    }

    // Inode tables, extent nodes and indirect blocks are read again and again by neighbouring files: a bounded cache.
    private async Task<byte[]> MetadataBlockAsync(long block, CancellationToken ct)
    {
        if (metadata.TryGetValue(block, out var cached))
        {
            return cached;
        }

        var data = await device.ReadExactAsync(block * BlockSize, (int)BlockSize, $"block {block}", ct).ConfigureAwait(false);
        if (metadata.Count >= MetadataCacheBlocks)
        {
            metadata.Clear();
        }

        metadata[block] = data;
        return data;
    }

    private DiskFormatException Bad(Ext4Inode inode, string message) =>
        new(inode.DiskOffset, $"inode {inode.Number}: {message}");

    /// <summary>Where a file's bytes are: its extents, or its block map read as extents; holes are the gaps.</summary>
    /// <exception cref="DiskFormatException">The tree or map is corrupt, loops, or points past the file system.</exception>
    public async Task<IReadOnlyList<Ext4Extent>> MapAsync(Ext4Inode inode, CancellationToken ct)
    {
        var extents = new List<Ext4Extent>();
        var visited = new HashSet<long>();
        if (inode.HasFlag(Ext4Inode.FlagInlineData))
        {
            // The bytes live in i_block itself; ReadAsync reads them from there.
            return extents;
        }

        if (inode.HasFlag(Ext4Inode.FlagExtents))
        {
            await WalkExtentsAsync(inode, inode.Block, -1, visited, extents, ct).ConfigureAwait(false);
            extents.Sort((a, b) => a.Logical.CompareTo(b.Logical));
            for (var i = 1; i < extents.Count; i++)
            {
                if (extents[i].Logical < extents[i - 1].Logical + extents[i - 1].Length)
                {
                    throw Bad(inode, $"extents overlap at logical block {extents[i].Logical}");
                }
            }
        }
        else
        {
            var blocks = (inode.Size + BlockSize - 1) / BlockSize;
            var pointers = BlockSize / 4;
            long logical = 0;
            for (var i = 0; i < 12 && logical < blocks; i++, logical++)
            {
                Add(inode, extents, logical, BinaryPrimitives.ReadUInt32LittleEndian(inode.Block.AsSpan(i * 4)));
            }

            long span = pointers;
            for (var level = 1; level <= 3 && logical < blocks; level++, span *= pointers)
            {
                var pointer = BinaryPrimitives.ReadUInt32LittleEndian(inode.Block.AsSpan((11 + level) * 4));
                await WalkIndirectAsync(inode, pointer, level, logical, blocks, visited, extents, ct).ConfigureAwait(false);
                logical += span;
            }
        }

        return extents;
    }

    private async Task WalkExtentsAsync(Ext4Inode inode, byte[] node, int expectedDepth, HashSet<long> visited, List<Ext4Extent> extents, CancellationToken ct)
    {
        var span = node.AsSpan();
        var magic = BinaryPrimitives.ReadUInt16LittleEndian(span);
        var entries = BinaryPrimitives.ReadUInt16LittleEndian(span[2..]);
        var max = BinaryPrimitives.ReadUInt16LittleEndian(span[4..]);
        var depth = BinaryPrimitives.ReadUInt16LittleEndian(span[6..]);
        if (magic != 0xF30A)
        {
            throw Bad(inode, $"extent node without the magic 0xF30A (found 0x{magic:x4})");
        }

        if (entries > max || 12 + (max * 12) > node.Length)
        {
            throw Bad(inode, $"extent node claims {entries} of {max} entries, more than its {node.Length} bytes hold");
        }

        if (depth > MaxExtentDepth || (expectedDepth >= 0 && depth != expectedDepth))
        {
            throw Bad(inode, $"extent node depth {depth} (expected {(expectedDepth >= 0 ? expectedDepth : $"at most {MaxExtentDepth}")})");
        }

        for (var i = 0; i < entries; i++)
        {
            var e = node.AsSpan(12 + (i * 12), 12);
            if (depth == 0)
            {
                var logical = BinaryPrimitives.ReadUInt32LittleEndian(e);
                int length = BinaryPrimitives.ReadUInt16LittleEndian(e[4..]);
                var uninitialized = length > 32768;
                if (uninitialized)
                {
                    length -= 32768;
                }

                var physical = ((long)BinaryPrimitives.ReadUInt16LittleEndian(e[6..]) << 32) | BinaryPrimitives.ReadUInt32LittleEndian(e[8..]);
                if (length == 0)
                {
                    continue;
                }

                if (physical < Superblock.FirstDataBlock || physical + length > Superblock.BlocksCount)
                {
                    throw Bad(inode, $"extent at logical block {logical} points to blocks {physical}+{length}, past the file system's {Superblock.BlocksCount} blocks");
                }

                if (extents.Count >= MaxExtents)
                {
                    throw Bad(inode, $"more than {MaxExtents} extents");
                }

                extents.Add(new Ext4Extent(logical, physical, length, uninitialized));
            }
            else
            {
                var child = ((long)BinaryPrimitives.ReadUInt16LittleEndian(node.AsSpan(20 + (i * 12))) << 32) | BinaryPrimitives.ReadUInt32LittleEndian(node.AsSpan(16 + (i * 12)));
                if (child < Superblock.FirstDataBlock || child >= Superblock.BlocksCount)
                {
                    throw Bad(inode, $"extent index points to block {child}, past the file system's {Superblock.BlocksCount} blocks");
                }

                if (!visited.Add(child))
                {
                    throw Bad(inode, $"extent tree visits block {child} twice (a loop or a shared node)");
                }

                var block = await MetadataBlockAsync(child, ct).ConfigureAwait(false);
                await WalkExtentsAsync(inode, block, depth - 1, visited, extents, ct).ConfigureAwait(false);
            }
        }
    }

    private void Add(Ext4Inode inode, List<Ext4Extent> extents, long logical, long physical)
    {
        if (physical == 0)
        {
            return;
        }

        if (physical >= Superblock.BlocksCount)
        {
            throw Bad(inode, $"block map points logical block {logical} to block {physical}, past the file system's {Superblock.BlocksCount} blocks");
        }

        if (extents.Count > 0 && extents[^1] is var last && last.Logical + last.Length == logical && last.Physical + last.Length == physical)
        {
            extents[^1] = last with { Length = last.Length + 1 };
            return;
        }

        if (extents.Count >= MaxExtents)
        {
            throw Bad(inode, $"more than {MaxExtents} fragments");
        }

        extents.Add(new Ext4Extent(logical, physical, 1, false));
    }

    private async Task WalkIndirectAsync(Ext4Inode inode, long pointer, int level, long logical, long blocks, HashSet<long> visited, List<Ext4Extent> extents, CancellationToken ct)
    {
        if (pointer == 0)
        {
            return;
        }

        if (pointer >= Superblock.BlocksCount)
        {
            throw Bad(inode, $"indirect block {pointer} (level {level}) lies past the file system's {Superblock.BlocksCount} blocks");
        }

        if (!visited.Add(pointer))
        {
            throw Bad(inode, $"block map visits indirect block {pointer} twice (a loop)");
        }

        var data = await MetadataBlockAsync(pointer, ct).ConfigureAwait(false);
        var pointers = BlockSize / 4;
        long span = 1;
        for (var l = 1; l < level; l++)
        {
            span *= pointers;
        }

        for (var i = 0; i < pointers && logical + (i * span) < blocks; i++)
        {
            var child = BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(i * 4));
            if (level == 1)
            {
                Add(inode, extents, logical + i, child);
            }
            else
            {
                await WalkIndirectAsync(inode, child, level - 1, logical + (i * span), blocks, visited, extents, ct).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Reads file bytes at <paramref name="offset"/>; holes and uninitialized extents read as zeros. Returns the bytes read (short only at the end of the file).</summary>
    public async Task<int> ReadAsync(Ext4Inode inode, IReadOnlyList<Ext4Extent> map, long offset, Memory<byte> buffer, CancellationToken ct)
    {
        if (inode.HasFlag(Ext4Inode.FlagInlineData))
        {
            return ReadInline(inode, offset, buffer.Span);
        }

        var count = (int)Math.Max(0, Math.Min(buffer.Length, inode.Size - offset));
        var done = 0;
        while (done < count)
        {
            var position = offset + done;
            var logical = position / BlockSize;
            var within = position % BlockSize;
            var index = Find(map, logical);
            if (index < 0)
            {
                // A hole: zeros up to the next extent.
                var next = ~index < map.Count ? map[~index].Logical * BlockSize : long.MaxValue;
                var zeros = (int)Math.Min(count - done, next - position);
                buffer.Span.Slice(done, zeros).Clear();
                done += zeros;
                continue;
            }

            var extent = map[index];
            var available = ((extent.Logical + extent.Length - logical) * BlockSize) - within;
            var take = (int)Math.Min(count - done, available);
            if (extent.Uninitialized)
            {
                buffer.Span.Slice(done, take).Clear();
            }
            else
            {
                var physical = ((extent.Physical + (logical - extent.Logical)) * BlockSize) + within;
                await device.ReadExactAsync(physical, buffer.Slice(done, take), $"inode {inode.Number} data", ct).ConfigureAwait(false);
            }

            done += take;
        }

        return count;
    }

    private static int Find(IReadOnlyList<Ext4Extent> map, long logical)
    {
        int lo = 0, hi = map.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var e = map[mid];
            if (logical < e.Logical)
            {
                hi = mid - 1;
            }
            else if (logical >= e.Logical + e.Length)
            {
                lo = mid + 1;
            }
            else
            {
                return mid;
            }
        }

        return ~lo;
    }

    private static int ReadInline(Ext4Inode inode, long offset, Span<byte> buffer)
    {
        if (inode.Size > Ext4Inode.BlockBytes)
        {
            throw new DiskFormatException(inode.DiskOffset, $"inode {inode.Number}: inline data of {inode.Size} bytes continues in an extended attribute, which is not read");
        }

        var count = (int)Math.Max(0, Math.Min(buffer.Length, inode.Size - offset));
        inode.Block.AsSpan((int)offset, count).CopyTo(buffer);
        return count;
    }

    /// <summary>The names in a directory ("." and ".." left out). A corrupt block becomes a notice and the next block is read.</summary>
    public async Task<IReadOnlyList<Ext4DirectoryEntry>> ReadDirectoryAsync(Ext4Inode dir, List<string> notices, CancellationToken ct)
    {
        var entries = new List<Ext4DirectoryEntry>();
        if (dir.HasFlag(Ext4Inode.FlagInlineData))
        {
            // Inline directories: the parent's inode number, then entries in the rest of i_block.
            ParseEntries(dir, dir.Block.AsSpan(4, (int)Math.Min(Ext4Inode.BlockBytes - 4, Math.Max(0, dir.Size - 4))), 4, entries, notices);
            if (dir.Size > Ext4Inode.BlockBytes)
            {
                notices.Add($"inode {dir.Number}: inline directory entries beyond i_block are kept in an extended attribute, which is not read");
            }

            return entries;
        }

        if (dir.Size > MaxDirectoryBytes || dir.Size % BlockSize != 0)
        {
            throw Bad(dir, $"directory size {dir.Size} is not a whole number of {BlockSize}-byte blocks up to {MaxDirectoryBytes}");
        }

        var map = await MapAsync(dir, ct).ConfigureAwait(false);
        var block = new byte[BlockSize];
        for (long offset = 0; offset < dir.Size; offset += BlockSize)
        {
            await ReadAsync(dir, map, offset, block, ct).ConfigureAwait(false);
            ParseEntries(dir, block, offset, entries, notices);
        }

        return entries;
    }

    // Linear parsing also reads hashed (htree) directories: the dx root hides behind ".."'s record length and
    // each dx node is an empty record covering its block, so both are skipped as unused entries (inode 0).
    private void ParseEntries(Ext4Inode dir, ReadOnlySpan<byte> block, long blockOffset, List<Ext4DirectoryEntry> entries, List<string> notices)
    {
        var fileType = Superblock.Has(Ext4Superblock.IncompatFileType);
        var at = 0;
        while (at + 8 <= block.Length)
        {
            var e = block[at..];
            var inode = BinaryPrimitives.ReadUInt32LittleEndian(e);
            int recLen = BinaryPrimitives.ReadUInt16LittleEndian(e[4..]);
            if (BlockSize == 65536 && recLen is 0 or 65535)
            {
                recLen = 65536;
            }

            int nameLen = fileType ? e[6] : BinaryPrimitives.ReadUInt16LittleEndian(e[6..]) & 0xFF;
            if (recLen < 8 || recLen % 4 != 0 || at + recLen > block.Length || 8 + nameLen > recLen)
            {
                notices.Add($"inode {dir.Number}: corrupt directory entry at byte {blockOffset + at} of the directory (record length {recLen}, name length {nameLen}); the rest of the block is skipped");
                return;
            }

            if (inode != 0 && nameLen > 0)
            {
                var name = Encoding.UTF8.GetString(e.Slice(8, nameLen));
                if (name is not "." and not "..")
                {
                    entries.Add(new Ext4DirectoryEntry(name, inode));
                }
            }

            at += recLen;
        }
    }

    /// <summary>A symbolic link's target.</summary>
    public async Task<string> ReadLinkAsync(Ext4Inode link, CancellationToken ct)
    {
        if (link.Size <= 0 || link.Size > MaxLinkBytes)
        {
            throw Bad(link, $"symbolic link of {link.Size} bytes (at most {MaxLinkBytes})");
        }

        var bytes = new byte[link.Size];
        var fast = link.Size < Ext4Inode.BlockBytes && !link.HasFlag(Ext4Inode.FlagInlineData)
            && !(link.HasFlag(Ext4Inode.FlagExtents) && BinaryPrimitives.ReadUInt16LittleEndian(link.Block) == 0xF30A);
        if (fast)
        {
            link.Block.AsSpan(0, bytes.Length).CopyTo(bytes);
        }
        else
        {
            var map = await MapAsync(link, ct).ConfigureAwait(false);
            await ReadAsync(link, map, 0, bytes, ct).ConfigureAwait(false);
        }

        var target = Encoding.UTF8.GetString(bytes).TrimEnd('\0');
        if (target.Length == 0 || target.Contains('\0', StringComparison.Ordinal))
        {
            throw Bad(link, "symbolic link target is empty or holds a NUL byte");
        }

        return target;
    }

    /// <summary>
    /// The inode and real path of <paramref name="path"/>, following symbolic links as the system would (absolute
    /// targets from this root, ".." stopping at it); null when it does not exist or links loop.
    /// </summary>
    public async Task<(Ext4Inode Inode, string Path)?> ResolveAsync(string path, CancellationToken ct)
    {
        var pending = new Stack<string>(path.Split('/', StringSplitOptions.RemoveEmptyEntries).Reverse());
        var stack = new List<(string Name, Ext4Inode Inode)>();
        var current = await ReadInodeAsync(RootInode, ct).ConfigureAwait(false);
        var root = current;
        var hops = 0;
        var notices = new List<string>();
        while (pending.Count > 0)
        {
            var part = pending.Pop();
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                if (stack.Count > 0)
                {
                    stack.RemoveAt(stack.Count - 1);
                }

                current = stack.Count > 0 ? stack[^1].Inode : root;
                continue;
            }

            if (current.Type != Ext4FileType.Directory)
            {
                return null;
            }

            var entry = (await ReadDirectoryAsync(current, notices, ct).ConfigureAwait(false)).FirstOrDefault(e => e.Name == part);
            if (entry.Inode == 0)
            {
                return null;
            }

            var next = await ReadInodeAsync(entry.Inode, ct).ConfigureAwait(false);
            if (next.Type == Ext4FileType.Symlink)
            {
                if (++hops > MaxLinkHops)
                {
                    return null;
                }

                var target = await ReadLinkAsync(next, ct).ConfigureAwait(false);
                if (target.StartsWith('/'))
                {
                    stack.Clear();
                    current = root;
                }

                foreach (var t in target.Split('/', StringSplitOptions.RemoveEmptyEntries).Reverse())
                {
                    pending.Push(t);
                }

                continue;
            }

            stack.Add((part, next));
            current = next;
        }

        return (current, "/" + string.Join('/', stack.Select(s => s.Name)));
    }
}
