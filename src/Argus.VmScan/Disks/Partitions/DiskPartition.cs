namespace Argus.VmScan.Disks.Partitions;

/// <summary>One region of a disk that may hold a file system.</summary>
/// <param name="Name">"whole disk" or "p1", "p5" (numbered as Linux numbers them: MBR logicals from 5).</param>
/// <param name="Scheme">"none", "mbr" or "gpt".</param>
/// <param name="Type">The table's type for the partition: "0x83", "Linux filesystem", a GPT type GUID; empty for a whole disk.</param>
/// <param name="Label">The GPT partition name, else empty.</param>
public sealed record DiskPartition(string Name, long Start, long Length, string Scheme, string Type, string Label = "")
{
    /// <summary>How the partition reads in results: "p1", "p2 'EFI System'".</summary>
    public string Description => Label.Length > 0 ? $"{Name} '{Label}'" : Name;
}
