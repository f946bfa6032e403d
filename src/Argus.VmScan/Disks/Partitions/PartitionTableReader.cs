using System.Buffers.Binary;
using System.Text;

namespace Argus.VmScan.Disks.Partitions;

/// <summary>
/// Reads MBR (primary, extended and logical partitions) and GPT (header and entry array CRC-checked, the backup
/// header when the primary is damaged) partition tables. A disk without a table is one whole-disk partition.
/// </summary>
public static class PartitionTableReader
{
    private const int Sector = 512;
    private const int MaxLogicalPartitions = 128;
    private const int MaxGptEntryBytes = 4 * 1024 * 1024;

    /// <exception cref="DiskFormatException">The table is present but corrupt; the message names the byte offset.</exception>
    public static async Task<PartitionTable> ReadAsync(IBlockDevice device, CancellationToken ct)
    {
        if (device.Length < Sector * 2)
        {
            return WholeDisk(device);
        }

        var mbr = await device.ReadExactAsync(0, Sector, "MBR", ct).ConfigureAwait(false);
        var hasSignature = mbr[510] == 0x55 && mbr[511] == 0xAA;
        var entries = hasSignature ? MbrEntries(mbr, 0) : [];
        var protective = entries.Any(e => e.Type == 0xEE);
        var gptSignature = await HasGptSignatureAsync(device, Sector, ct).ConfigureAwait(false);
        if (protective || (gptSignature && hasSignature))
        {
            return await ReadGptAsync(device, ct).ConfigureAwait(false);
        }

        if (!hasSignature || !LooksLikeMbr(entries))
        {
            return WholeDisk(device);
        }

        return await ReadMbrAsync(device, entries, ct).ConfigureAwait(false);
    }

    private static PartitionTable WholeDisk(IBlockDevice device) =>
        new("none", [new DiskPartition("whole disk", 0, device.Length, "none", "")], []);

    private readonly record struct MbrEntry(int Slot, byte Status, byte Type, long FirstLba, long Sectors, long TableOffset);

    private static List<MbrEntry> MbrEntries(byte[] sector, long tableOffset)
    {
        var list = new List<MbrEntry>();
        for (var i = 0; i < 4; i++)
        {
            var e = sector.AsSpan(446 + (i * 16), 16);
            var type = e[4];
            var sectors = BinaryPrimitives.ReadUInt32LittleEndian(e[12..]);
            if (type == 0 || sectors == 0)
            {
                continue;
            }

            list.Add(new MbrEntry(i, e[0], type, BinaryPrimitives.ReadUInt32LittleEndian(e[8..]), sectors, tableOffset + 446 + (i * 16)));
        }

        return list;
    }

    // A FAT or NTFS boot sector also ends in 55 AA: its "entries" are code and fail the status byte rule.
    private static bool LooksLikeMbr(List<MbrEntry> entries) =>
        entries.Count > 0 && entries.All(e => e.Status is 0x00 or 0x80 && e.FirstLba > 0);

    private static bool IsExtended(byte type) => type is 0x05 or 0x0F or 0x85;

    private static async Task<PartitionTable> ReadMbrAsync(IBlockDevice device, List<MbrEntry> primaries, CancellationToken ct)
    {
        var partitions = new List<DiskPartition>();
        foreach (var e in primaries)
        {
            var start = e.FirstLba * Sector;
            var length = e.Sectors * Sector;
            if (start + length > device.Length)
            {
                throw new DiskFormatException(e.TableOffset, $"MBR partition {e.Slot + 1} (sectors {e.FirstLba}+{e.Sectors}) ends past the end of the disk ({device.Length} bytes)");
            }

            if (IsExtended(e.Type))
            {
                await ReadLogicalsAsync(device, e, partitions, ct).ConfigureAwait(false);
                continue;
            }

            partitions.Add(new DiskPartition($"p{e.Slot + 1}", start, length, "mbr", $"0x{e.Type:x2}"));
        }

        return new PartitionTable("mbr", partitions.OrderBy(p => p.Start).ToList(), []);
    }

    private static async Task ReadLogicalsAsync(IBlockDevice device, MbrEntry extended, List<DiskPartition> partitions, CancellationToken ct)
    {
        var extStart = extended.FirstLba;
        var extEnd = extended.FirstLba + extended.Sectors;
        var ebr = extStart;
        var seen = new HashSet<long>();
        var number = 5;
        while (true)
        {
            if (!seen.Add(ebr))
            {
                throw new DiskFormatException(ebr * Sector, $"the chain of extended boot records loops back to sector {ebr}");
            }

            if (number - 5 >= MaxLogicalPartitions)
            {
                throw new DiskFormatException(ebr * Sector, $"more than {MaxLogicalPartitions} logical partitions");
            }

            var sector = await device.ReadExactAsync(ebr * Sector, Sector, "extended boot record", ct).ConfigureAwait(false);
            if (sector[510] != 0x55 || sector[511] != 0xAA)
            {
                throw new DiskFormatException(ebr * Sector + 510, "extended boot record without the 55 AA signature");
            }

            var entries = MbrEntries(sector, ebr * Sector);
            var logical = entries.FirstOrDefault(e => !IsExtended(e.Type));
            if (logical.Sectors > 0)
            {
                var first = ebr + logical.FirstLba;
                if (first + logical.Sectors > extEnd)
                {
                    throw new DiskFormatException(logical.TableOffset, $"logical partition {number} (sectors {first}+{logical.Sectors}) ends past its extended partition (sector {extEnd})");
                }

                partitions.Add(new DiskPartition($"p{number}", first * Sector, logical.Sectors * Sector, "mbr", $"0x{logical.Type:x2}"));
                number++;
            }

            var next = entries.FirstOrDefault(e => IsExtended(e.Type));
            if (next.Sectors == 0)
            {
                return;
            }

            ebr = extStart + next.FirstLba;
            if (ebr >= extEnd)
            {
                throw new DiskFormatException(next.TableOffset, $"the next extended boot record (sector {ebr}) lies past its extended partition (sector {extEnd})");
            }
        }
    }

    private static async Task<bool> HasGptSignatureAsync(IBlockDevice device, long offset, CancellationToken ct)
    {
        if (offset + Sector > device.Length)
        {
            return false;
        }

        var head = await device.ReadExactAsync(offset, 8, "GPT header", ct).ConfigureAwait(false);
        return head.AsSpan().SequenceEqual("EFI PART"u8);
    }

    private static async Task<PartitionTable> ReadGptAsync(IBlockDevice device, CancellationToken ct)
    {
        var notices = new List<string>();
        var lastLba = (device.Length / Sector) - 1;
        string primaryError;
        try
        {
            return await ReadGptAtAsync(device, 1, notices, ct).ConfigureAwait(false);
        }
        catch (DiskFormatException e)
        {
            primaryError = e.Message;
        }

        try
        {
            notices.Add($"primary GPT unusable ({primaryError}); read the backup GPT at sector {lastLba}");
            return await ReadGptAtAsync(device, lastLba, notices, ct).ConfigureAwait(false);
        }
        catch (DiskFormatException e)
        {
            throw new DiskFormatException(e.Offset, $"both GPT headers are unusable: primary {primaryError}; backup {e.Message}");
        }
    }

    private static async Task<PartitionTable> ReadGptAtAsync(IBlockDevice device, long lba, List<string> notices, CancellationToken ct)
    {
        var at = lba * Sector;
        var header = await device.ReadExactAsync(at, Sector, "GPT header", ct).ConfigureAwait(false);
        if (!header.AsSpan(0, 8).SequenceEqual("EFI PART"u8))
        {
            throw new DiskFormatException(at, "no GPT header signature 'EFI PART'");
        }

        var size = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(12));
        if (size is < 92 or > Sector)
        {
            throw new DiskFormatException(at + 12, $"GPT header size {size} is outside 92..{Sector}");
        }

        var stored = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(16));
        var copy = header.AsSpan(0, (int)size).ToArray();
        copy.AsSpan(16, 4).Clear();
        var computed = Crc32.Compute(copy);
        if (computed != stored)
        {
            throw new DiskFormatException(at + 16, $"GPT header CRC32 is 0x{stored:x8} but the header hashes to 0x{computed:x8}");
        }

        var entriesLba = BinaryPrimitives.ReadInt64LittleEndian(header.AsSpan(72));
        var count = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(80));
        var entrySize = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(84));
        var entriesCrc = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(88));
        if (entrySize < 128 || entrySize % 8 != 0 || (long)count * entrySize > MaxGptEntryBytes)
        {
            throw new DiskFormatException(at + 80, $"GPT entry array of {count} entries of {entrySize} bytes is not plausible");
        }

        if (entriesLba <= 0 || (entriesLba * Sector) + ((long)count * entrySize) > device.Length)
        {
            throw new DiskFormatException(at + 72, $"GPT entry array at sector {entriesLba} lies outside the disk");
        }

        var array = await device.ReadExactAsync(entriesLba * Sector, (int)(count * entrySize), "GPT entry array", ct).ConfigureAwait(false);
        var arrayCrc = Crc32.Compute(array);
        if (arrayCrc != entriesCrc)
        {
            throw new DiskFormatException(entriesLba * Sector, $"GPT entry array CRC32 is 0x{entriesCrc:x8} in the header but the array hashes to 0x{arrayCrc:x8}");
        }

        var partitions = new List<DiskPartition>();
        for (var i = 0; i < count; i++)
        {
            var e = array.AsSpan((int)(i * entrySize), (int)entrySize);
            var type = new Guid(e[..16]);
            if (type == Guid.Empty)
            {
                continue;
            }

            var first = BinaryPrimitives.ReadInt64LittleEndian(e[32..]);
            var last = BinaryPrimitives.ReadInt64LittleEndian(e[40..]);
            var entryAt = (entriesLba * Sector) + (i * entrySize);
            if (first <= 0 || last < first || (last + 1) * Sector > device.Length)
            {
                throw new DiskFormatException(entryAt + 32, $"GPT partition {i + 1} spans sectors {first}..{last}, outside the disk");
            }

            var name = Encoding.Unicode.GetString(e.Slice(56, 72)).TrimEnd('\0');
            partitions.Add(new DiskPartition($"p{i + 1}", first * Sector, (last - first + 1) * Sector, "gpt", GptTypes.Describe(type), name));
        }

        return new PartitionTable("gpt", partitions, notices);
    }
}
