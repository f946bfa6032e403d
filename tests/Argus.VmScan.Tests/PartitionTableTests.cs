using Argus.VmScan.Disks;
using Argus.VmScan.Disks.Partitions;
using Argus.VmScan.Tests.Support;
using Argus.Tests;

namespace Argus.VmScan.Tests;

/// <summary>MBR and GPT tables that sfdisk wrote read as sfdisk reads them; damaged ones fail with the offset.</summary>
public sealed class PartitionTableTests : IDisposable
{
    private readonly string folder = TestPaths.NewTempFolder();

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Image => Path.Combine(folder, "disk.img");

    private async Task<PartitionTable> ReadAsync()
    {
        await using var device = new FileBlockDevice(Image);
        return await PartitionTableReader.ReadAsync(device, CancellationToken.None);
    }

    [ToolFact("sfdisk")]
    public async Task Mbr_primary_extended_and_logical_partitions_match_sfdisk()
    {
        var expected = PartitionedImages.Create(Image, 64L << 20, "label: dos\nsize=8MiB, type=83\nsize=8MiB, type=82\ntype=5\nsize=10MiB, type=83\nsize=12MiB, type=83\n");

        var table = await ReadAsync();

        Assert.Equal("mbr", table.Scheme);
        Assert.Equal(["p1", "p2", "p5", "p6"], table.Partitions.Select(p => p.Name));
        Assert.Equal(["0x83", "0x82", "0x83", "0x83"], table.Partitions.Select(p => p.Type));
        Assert.Equal(expected.Where((_, i) => i != 2), table.Partitions.Select(p => (p.Start, p.Length)));
    }

    [ToolFact("sfdisk")]
    public async Task Gpt_partitions_match_sfdisk_with_types_and_names()
    {
        var expected = PartitionedImages.Create(Image, 64L << 20, "label: gpt\nsize=1MiB, type=21686148-6449-6E6F-744E-656564454649, name=bios\nsize=8MiB, type=C12A7328-F81F-11D2-BA4B-00A0C93EC93B, name=\"EFI System Partition\"\ntype=0FC63DAF-8483-4772-8E79-3D69D8477DE4, name=root\n");

        var table = await ReadAsync();

        Assert.Equal("gpt", table.Scheme);
        Assert.Empty(table.Notices);
        Assert.Equal(expected, table.Partitions.Select(p => (p.Start, p.Length)));
        Assert.Equal(["BIOS boot", "EFI System", "Linux filesystem"], table.Partitions.Select(p => p.Type));
        Assert.Equal("p3 'root'", table.Partitions[2].Description);
    }

    [ToolFact("sfdisk")]
    public async Task A_damaged_primary_gpt_falls_back_to_the_backup_and_says_so()
    {
        var expected = PartitionedImages.Create(Image, 64L << 20, "label: gpt\nsize=8MiB\nsize=8MiB\n");
        DiskImages.Patch(Image, 512 + 24, [0xFF]);

        var table = await ReadAsync();

        Assert.Equal(expected, table.Partitions.Select(p => (p.Start, p.Length)));
        var notice = Assert.Single(table.Notices);
        Assert.Contains("primary GPT unusable (at byte 528: GPT header CRC32", notice);
        Assert.Contains("read the backup GPT at sector 131071", notice);
    }

    [ToolFact("sfdisk")]
    public async Task A_damaged_entry_array_in_both_copies_is_an_error_naming_the_offset()
    {
        PartitionedImages.Create(Image, 64L << 20, "label: gpt\nsize=8MiB\n");
        DiskImages.Patch(Image, 1024 + 40, [0x55]);
        DiskImages.Patch(Image, (64L << 20) - (33 * 512) + 40, [0x55]);

        var e = await Assert.ThrowsAsync<DiskFormatException>(ReadAsync);

        Assert.Contains("both GPT headers are unusable: primary at byte 1024: GPT entry array CRC32", e.Message);
        Assert.Contains("backup at byte 67091968: GPT entry array CRC32", e.Message);
    }

    [ToolFact("sfdisk")]
    public async Task An_mbr_partition_past_the_end_of_the_disk_is_an_error_naming_its_entry()
    {
        PartitionedImages.Create(Image, 64L << 20, "label: dos\nsize=8MiB, type=83\n");
        DiskImages.Patch(Image, 446 + 12, [0xFF, 0xFF, 0xFF, 0x00]);

        var e = await Assert.ThrowsAsync<DiskFormatException>(ReadAsync);

        Assert.StartsWith("at byte 446: MBR partition 1 (sectors 2048+16777215) ends past the end of the disk", e.Message);
    }

    [ToolFact("sfdisk")]
    public async Task A_looping_chain_of_extended_boot_records_is_an_error()
    {
        var parts = PartitionedImages.Create(Image, 64L << 20, "label: dos\ntype=5\nsize=10MiB, type=83\nsize=10MiB, type=83\n");
        var ebr2 = parts[2].Start - (2048 * 512);

        // The second EBR's "next" entry points back at the first EBR (offset 0 in the extended partition).
        DiskImages.Patch(Image, ebr2 + 446 + 16 + 4, [0x05, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0]);

        var e = await Assert.ThrowsAsync<DiskFormatException>(ReadAsync);

        Assert.Contains("loops back to sector", e.Message);
    }

    [Fact]
    public async Task A_disk_without_a_table_is_one_whole_disk_partition()
    {
        File.WriteAllBytes(Image, new byte[1 << 20]);

        var table = await ReadAsync();

        Assert.Equal(new DiskPartition("whole disk", 0, 1 << 20, "none", ""), Assert.Single(table.Partitions));
    }
}
