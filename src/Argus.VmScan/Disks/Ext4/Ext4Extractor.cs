using Argus.Vulnerability.Inventory;

namespace Argus.VmScan.Disks.Ext4;

/// <summary>
/// Copies out of an ext file system only what the inventory reads: every directory and symbolic link (so paths
/// resolve as on the machine), the OS package databases and os-release, and the files a file cataloguer wants.
/// A file is first created as a sparse placeholder of its real size and mode so each cataloguer's own Wants
/// decides, then filled or removed. Per-file problems become notices; limits stop the copy with a notice.
/// </summary>
internal sealed class Ext4Extractor(Ext4FileSystem fs, IReadOnlyList<IFileCataloguer> cataloguers, DiskScanLimits limits, string hostRoot)
{
    // The package databases at fixed places (IPackageCataloguer implementations and OsRelease read these).
    private static readonly string[] FixedFiles = ["/etc/os-release", "/usr/lib/os-release", "/var/lib/dpkg/status", "/lib/apk/db/installed"];
    private static readonly string[] FixedDirectories = ["/var/lib/dpkg/status.d", "/var/lib/rpm", "/usr/lib/sysimage/rpm"];
    private const int CopyChunk = 1024 * 1024;

    private readonly List<InventoryNotice> notices = [];
    private readonly HashSet<string> limitsHit = [];
    private long entries;

    public IReadOnlyList<InventoryNotice> Notices => notices;

    public long BytesCopied { get; private set; }

    public int FilesCopied { get; private set; }

    public int Directories { get; private set; }

    public async Task ExtractAsync(CancellationToken ct)
    {
        await WalkAsync(ct).ConfigureAwait(false);
        await CopyFixedAsync(ct).ConfigureAwait(false);
    }

    private void Notice(string path, string message) => notices.Add(new InventoryNotice(path, message));

    private bool Limit(string key, string path, string message)
    {
        if (limitsHit.Add(key))
        {
            Notice(path, message);
        }

        return false;
    }

    private string HostPath(string rootPath) => rootPath == "/" ? hostRoot : hostRoot + rootPath;

    private async Task WalkAsync(CancellationToken ct)
    {
        var visited = new HashSet<uint> { Ext4FileSystem.RootInode };
        var pending = new Stack<(uint Inode, string Path, int Depth)>();
        pending.Push((Ext4FileSystem.RootInode, "/", 0));
        var dirNotices = new List<string>();
        while (pending.Count > 0)
        {
            ct.ThrowIfCancellationRequested();
            var (number, path, depth) = pending.Pop();
            IReadOnlyList<Ext4DirectoryEntry> list;
            try
            {
                var dir = await fs.ReadInodeAsync(number, ct).ConfigureAwait(false);
                if (dir.Type != Ext4FileType.Directory)
                {
                    Notice(path, $"inode {number} is not a directory");
                    continue;
                }

                list = await fs.ReadDirectoryAsync(dir, dirNotices, ct).ConfigureAwait(false);
            }
            catch (DiskFormatException e)
            {
                Notice(path, e.Message);
                continue;
            }

            foreach (var message in dirNotices)
            {
                Notice(path, message);
            }

            dirNotices.Clear();
            Directories++;
            foreach (var entry in list.OrderBy(e => e.Name, StringComparer.Ordinal))
            {
                if (++entries > limits.MaxEntries)
                {
                    Limit("entries", path, $"stopped after {limits.MaxEntries} directory entries (limit); the rest of the file system was not read");
                    return;
                }

                var child = (path == "/" ? "/" : path + "/") + entry.Name;
                if (entry.Name.Contains('/', StringComparison.Ordinal) || entry.Name.Contains('\0', StringComparison.Ordinal))
                {
                    Notice(path, $"directory entry naming inode {entry.Inode} has a name with '/' or NUL, which no file system allows; skipped");
                    continue;
                }

                try
                {
                    await ExtractEntryAsync(entry, child, depth, visited, pending, ct).ConfigureAwait(false);
                }
                catch (DiskFormatException e)
                {
                    Notice(child, e.Message);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    Notice(child, $"could not be copied out: {e.Message}");
                }
            }
        }
    }

    private async Task ExtractEntryAsync(Ext4DirectoryEntry entry, string path, int depth, HashSet<uint> visited, Stack<(uint, string, int)> pending, CancellationToken ct)
    {
        var inode = await fs.ReadInodeAsync(entry.Inode, ct).ConfigureAwait(false);
        if (inode.Links == 0)
        {
            Notice(path, $"inode {inode.Number} has link count 0 (deleted or corrupt) but a directory names it; skipped");
            return;
        }

        switch (inode.Type)
        {
            case Ext4FileType.Directory:
                if (!visited.Add(inode.Number))
                {
                    Notice(path, $"directory inode {inode.Number} is reached a second time (a directory loop or hard link); not followed");
                    return;
                }

                if (depth + 1 > limits.MaxDepth)
                {
                    Limit("depth", path, $"directories nested deeper than {limits.MaxDepth} (limit) were not read");
                    return;
                }

                Directory.CreateDirectory(HostPath(path));
                pending.Push((inode.Number, path, depth + 1));
                break;
            case Ext4FileType.Symlink:
                File.CreateSymbolicLink(HostPath(path), await fs.ReadLinkAsync(inode, ct).ConfigureAwait(false));
                break;
            case Ext4FileType.Regular:
                await ExtractFileAsync(inode, path, IsFixed(path), ct).ConfigureAwait(false);
                break;
            default:
                // Devices, FIFOs and sockets hold nothing the inventory reads.
                break;
        }
    }

    private static bool IsFixed(string path) =>
        FixedFiles.Contains(path, StringComparer.Ordinal)
        || (Path.GetDirectoryName(path) is { } parent && FixedDirectories.Contains(parent, StringComparer.Ordinal));

    private async Task ExtractFileAsync(Ext4Inode inode, string path, bool wanted, CancellationToken ct)
    {
        if (inode.Size == 0)
        {
            return;
        }

        var host = HostPath(path);
        if (inode.Size < 0)
        {
            throw new DiskFormatException(inode.DiskOffset, $"inode {inode.Number}: negative size {inode.Size}");
        }

        // A sparse placeholder with the real size and execute bits lets each cataloguer's Wants decide as on a mounted disk.
        // Sizes over the per-file limit are capped just past it (an absurd size cannot be a real file); such files are never copied.
        await using (var placeholder = new FileStream(host, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            placeholder.SetLength(Math.Min(inode.Size, limits.MaxFileBytes + 1));
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(host, (UnixFileMode)(0x180 | (inode.Permissions & 0x49)));
        }

        var keep = false;
        try
        {
            keep = await ShouldCopyAsync(inode, path, host, wanted, ct).ConfigureAwait(false) && await CopyAsync(inode, path, host, ct).ConfigureAwait(false);
        }
        finally
        {
            if (!keep)
            {
                File.Delete(host);
            }
        }
    }

    private async Task<bool> ShouldCopyAsync(Ext4Inode inode, string path, string host, bool wanted, CancellationToken ct)
    {
        if (!wanted)
        {
            var info = new FileInfo(host);
            var wanters = cataloguers.Where(c => c.Wants(path, info)).ToList();
            if (wanters.Count == 0)
            {
                return false;
            }

            // Every executable looks like a Go binary by name; read its ELF headers before copying it whole.
            if (wanters.All(c => c is GoBinaryCataloguer))
            {
                var map = await fs.MapAsync(inode, ct).ConfigureAwait(false);
                await using var stream = new Ext4FileStream(fs, inode, map, ct);
                if (!GoBinaryCataloguer.HasBuildInfo(stream))
                {
                    return false;
                }
            }
        }

        if (inode.HasFlag(Ext4Inode.FlagEncrypt))
        {
            Notice(path, $"inode {inode.Number} is encrypted (fscrypt); its contents cannot be read");
            return false;
        }

        if (inode.Size > limits.MaxFileBytes)
        {
            Notice(path, $"{inode.Size} bytes, over the per-file limit of {limits.MaxFileBytes}; not read");
            return false;
        }

        if (FilesCopied >= limits.MaxFiles)
        {
            return Limit("files", path, $"the limit of {limits.MaxFiles} copied files was reached here; later files were not read");
        }

        if (BytesCopied + inode.Size > limits.MaxTotalBytes)
        {
            return Limit("bytes", path, $"the limit of {limits.MaxTotalBytes} copied bytes was reached here; later files were not read");
        }

        return true;
    }

    private async Task<bool> CopyAsync(Ext4Inode inode, string path, string host, CancellationToken ct)
    {
        var map = await fs.MapAsync(inode, ct).ConfigureAwait(false);
        var buffer = new byte[(int)Math.Min(CopyChunk, inode.Size)];
        await using var output = new FileStream(host, FileMode.Open, FileAccess.Write, FileShare.None);
        for (long offset = 0; offset < inode.Size;)
        {
            var read = await fs.ReadAsync(inode, map, offset, buffer, ct).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            await output.WriteAsync(buffer.AsMemory(0, read), ct).ConfigureAwait(false);
            offset += read;
        }

        FilesCopied++;
        BytesCopied += inode.Size;
        return true;
    }

    // The walk copies package databases at their real paths; these reach them through symbolic links (merged /usr).
    private async Task CopyFixedAsync(CancellationToken ct)
    {
        foreach (var path in FixedFiles)
        {
            await CopyResolvedAsync(path, ct).ConfigureAwait(false);
        }

        foreach (var dir in FixedDirectories)
        {
            try
            {
                if (await fs.ResolveAsync(dir, ct).ConfigureAwait(false) is { Inode.Type: Ext4FileType.Directory } found)
                {
                    foreach (var entry in await fs.ReadDirectoryAsync(found.Inode, [], ct).ConfigureAwait(false))
                    {
                        await CopyResolvedAsync(found.Path + "/" + entry.Name, ct).ConfigureAwait(false);
                    }
                }
            }
            catch (DiskFormatException e)
            {
                Notice(dir, e.Message);
            }
        }
    }

    private async Task CopyResolvedAsync(string path, CancellationToken ct)
    {
        try
        {
            if (await fs.ResolveAsync(path, ct).ConfigureAwait(false) is not { Inode.Type: Ext4FileType.Regular } found
                || File.Exists(HostPath(found.Path))
                || !Directory.Exists(Path.GetDirectoryName(HostPath(found.Path))))
            {
                return;
            }

            await ExtractFileAsync(found.Inode, found.Path, wanted: true, ct).ConfigureAwait(false);
        }
        catch (DiskFormatException e)
        {
            Notice(path, e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Notice(path, $"could not be copied out: {e.Message}");
        }
    }
}
