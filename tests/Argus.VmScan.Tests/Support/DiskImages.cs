using System.Diagnostics;
using System.Security.Cryptography;

namespace Argus.VmScan.Tests.Support;

/// <summary>
/// Builds disk images with Debian's e2fsprogs (mkfs.ext4 -d) and util-linux (sfdisk), and compares trees.
/// Tests that need a tool skip, naming the package, when it is absent (scripts/vuln-test-inputs.sh installs them).
/// </summary>
internal static class DiskImages
{
    private static readonly string Cache = Environment.GetEnvironmentVariable("ARGUS_TEST_CACHE")
        ?? Path.Combine(Environment.GetEnvironmentVariable("XDG_CACHE_HOME") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache"), "argus-test");

    /// <summary>The debootstrapped Debian root of scripts/debian-rootfs.sh.</summary>
    public static string DebianRootfs { get; } = Environment.GetEnvironmentVariable("ARGUS_TEST_ROOTFS") ?? Path.Combine(Cache, "debian-bookworm-rootfs");

    public static bool HasDebianRootfs => File.Exists(Path.Combine(DebianRootfs, ".argus-complete"));

    public static string? Tool(string name) =>
        (Environment.GetEnvironmentVariable("PATH") + ":/usr/sbin:/sbin").Split(':')
            .Select(d => Path.Combine(d, name))
            .FirstOrDefault(File.Exists);

    /// <summary>Runs a tool; throws with its output when it fails.</summary>
    public static string Run(string tool, string arguments, string? stdin = null)
    {
        var start = new ProcessStartInfo(Tool(tool) ?? tool, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = stdin is not null,
        };
        start.Environment["E2FSPROGS_FAKE_TIME"] = "1700000000";
        using var process = Process.Start(start)!;
        if (stdin is not null)
        {
            process.StandardInput.Write(stdin);
            process.StandardInput.Close();
        }

        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        // e2fsck exits 1 when it changed the file system (-D reindexes directories), which is what it was asked to do.
        if (process.ExitCode != 0 && !(tool == "e2fsck" && process.ExitCode == 1))
        {
            throw new InvalidOperationException($"{tool} {arguments} failed ({process.ExitCode}): {stdout} {stderr.Result}");
        }

        return stdout + stderr.Result;
    }

    /// <summary>An ext file system image of <paramref name="source"/>: <paramref name="options"/> go to mke2fs (-t ext4, -b 1024, -O ^extents ...).</summary>
    public static string MakeExt(string folder, string source, string options, string size = "64M", string name = "disk.img")
    {
        var image = Path.Combine(folder, name);
        Run("mke2fs", $"-q -F {options} -d \"{source}\" \"{image}\" {size}");
        return image;
    }

    /// <summary>Patches bytes of an image in place.</summary>
    public static void Patch(string image, long offset, ReadOnlySpan<byte> bytes)
    {
        using var stream = new FileStream(image, FileMode.Open, FileAccess.Write);
        stream.Position = offset;
        stream.Write(bytes);
    }

    /// <summary>Every entry under a folder, for comparing trees: "f path sha256", "l path target", "d path".</summary>
    public static SortedSet<string> Describe(string root)
    {
        var result = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFileSystemEntries(root).SelectMany(Expand))
        {
            var relative = "/" + Path.GetRelativePath(root, path);
            var info = new FileInfo(path);
            if (info.LinkTarget is { } target)
            {
                result.Add($"l {relative} -> {target}");
            }
            else if (Directory.Exists(path))
            {
                result.Add($"d {relative}");
            }
            else if (info.Length > 0)
            {
                using var stream = File.OpenRead(path);
                result.Add($"f {relative} {Convert.ToHexString(SHA256.HashData(stream))}");
            }
        }

        return result;
    }

    // Recursion that does not follow directory links (EnumerateFileSystemEntries would).
    private static IEnumerable<string> Expand(string path)
    {
        yield return path;
        if (Directory.Exists(path) && new DirectoryInfo(path).LinkTarget is null)
        {
            foreach (var child in Directory.EnumerateFileSystemEntries(path).SelectMany(Expand))
            {
                yield return child;
            }
        }
    }
}

/// <summary>A fact that needs command-line tools; skipped, naming the package, when one is absent.</summary>
internal sealed class ToolFactAttribute : FactAttribute
{
    public ToolFactAttribute(params string[] tools)
    {
        foreach (var tool in tools)
        {
            if (DiskImages.Tool(tool) is null)
            {
                Skip = $"{tool} is not installed: apt-get install -y {(tool == "sfdisk" ? "fdisk" : "e2fsprogs")} (scripts/vuln-test-inputs.sh)";
            }
        }
    }
}

/// <summary>A theory that needs command-line tools; skipped, naming the package, when one is absent.</summary>
internal sealed class ToolTheoryAttribute : TheoryAttribute
{
    public ToolTheoryAttribute(params string[] tools)
    {
        Skip = new ToolFactAttribute(tools).Skip;
    }
}

/// <summary>A fact that needs mke2fs and the debootstrapped Debian root.</summary>
internal sealed class RootfsFactAttribute : FactAttribute
{
    public RootfsFactAttribute()
    {
        if (DiskImages.Tool("mke2fs") is null)
        {
            Skip = "mke2fs is not installed: apt-get install -y e2fsprogs";
        }
        else if (!DiskImages.HasDebianRootfs)
        {
            Skip = "no Debian root filesystem: run scripts/debian-rootfs.sh (debootstrap) first";
        }
    }
}

/// <summary>Partitioned images: sfdisk writes the table, mke2fs -E offset= puts a file system inside a partition.</summary>
internal static class PartitionedImages
{
    /// <summary>A sparse image of <paramref name="bytes"/> with the table an sfdisk script describes; returns the partitions' (start, size) in bytes as sfdisk reports them.</summary>
    public static IReadOnlyList<(long Start, long Size)> Create(string image, long bytes, string script)
    {
        using (var file = new FileStream(image, FileMode.Create))
        {
            file.SetLength(bytes);
        }

        DiskImages.Run("sfdisk", $"-q \"{image}\"", script);
        using var json = System.Text.Json.JsonDocument.Parse(DiskImages.Run("sfdisk", $"-J \"{image}\""));
        return json.RootElement.GetProperty("partitiontable").GetProperty("partitions").EnumerateArray()
            .Select(p => (p.GetProperty("start").GetInt64() * 512, p.GetProperty("size").GetInt64() * 512))
            .ToList();
    }

    /// <summary>Writes an ext file system of <paramref name="source"/> into the partition at (start, size) of an existing image.</summary>
    public static void MakeExtAt(string image, (long Start, long Size) partition, string source, string options = "-t ext4")
    {
        DiskImages.Run("mke2fs", $"-q -F {options} -E offset={partition.Start} -d \"{source}\" \"{image}\" {partition.Size / 1024}k");
    }
}
