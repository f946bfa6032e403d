namespace Argus.VmScan.Disks.Ext4;

/// <summary>One name in a directory.</summary>
internal readonly record struct Ext4DirectoryEntry(string Name, uint Inode);
