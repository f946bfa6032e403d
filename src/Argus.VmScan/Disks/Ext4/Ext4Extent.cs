namespace Argus.VmScan.Disks.Ext4;

/// <summary>A run of a file's blocks: logical block <see cref="Logical"/> onwards lives at physical block <see cref="Physical"/>.</summary>
/// <param name="Uninitialized">Allocated but never written (fallocate): reads as zeros whatever the disk holds.</param>
internal readonly record struct Ext4Extent(long Logical, long Physical, long Length, bool Uninitialized);
