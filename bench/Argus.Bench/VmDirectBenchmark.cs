using System.Diagnostics;
using Amazon.Runtime;
using Argus.Aws.Client;
using Argus.Aws.Permissions;
using Argus.VmScan.Disks;
using Argus.VmScan.Ebs;
using Argus.VmScan.Tests.StandIns;
using Argus.Vulnerability;
using Argus.Vulnerability.Osv;

namespace Argus.Bench;

/// <summary>
/// 'vm-direct': an ext4 image of the Debian root (or of a generated tree when it is absent) served as a snapshot by
/// the local EBS direct stand-in, scanned whole through ListSnapshotBlocks and GetSnapshotBlock: seconds, MB/s of
/// block data, API calls and peak working set, beside the same scan of the image file.
/// <code>dotnet run -c Release --project bench/Argus.Bench -- vm-direct [--rootfs DIR] [--osv DIR] [--in-flight 4] [--work DIR]</code>
/// </summary>
public static class VmDirectBenchmark
{
    public static int Run(string[] args)
    {
        var rootfs = Arg(args, "--rootfs") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "argus-test", "debian-bookworm-rootfs");
        var osv = Arg(args, "--osv");
        var inFlight = int.Parse(Arg(args, "--in-flight") ?? "4", System.Globalization.CultureInfo.InvariantCulture);
        var work = Arg(args, "--work") ?? Path.Combine(Path.GetTempPath(), $"argus-vm-bench-{Environment.ProcessId}");
        Directory.CreateDirectory(work);
        try
        {
            if (!Directory.Exists(rootfs))
            {
                Console.WriteLine($"no root filesystem at {rootfs}: scanning a generated tree instead");
                rootfs = GenerateTree(Path.Combine(work, "tree"));
            }

            var image = Path.Combine(work, "disk.img");
            var clock = Stopwatch.StartNew();
            var size = (TreeSize(rootfs) * 3 / 2) + (64L << 20);
            Run("mke2fs", $"-q -F -t ext4 -d \"{rootfs}\" \"{image}\" {size / 1024}k");
            Console.WriteLine($"built image: {new FileInfo(image).Length / 1048576.0:N0} MB ext4 of {rootfs} in {clock.Elapsed.TotalSeconds:N1} s (not measured)");

            var scanner = new DiskScanner(new VulnerabilityScanner(osv is null ? null : OsvDatabase.Load(osv)));
            var file = VulnerabilityBenchmark.Measure("image file: partitions + ext4 + inventory", () => ScanFile(scanner, image));
            Console.WriteLine($"  {Describe(file)}");

            var ebs = new EbsDirectStandIn();
            ebs.AddSnapshot("snap-bench", image);
            using var server = ebs.Serve();
            using var http = new HttpClient();
            var client = new AwsApiClient(http, AwsPermissionCatalog.Instance);
            var ctx = new AwsCallContext(new BasicAWSCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"), "eu-west-1", server.Endpoint);
            clock.Restart();
            var (scans, calls, blocks, bytes, withData) = VulnerabilityBenchmark.Measure("EBS direct: list + read blocks + inventory", () => ScanSnapshot(scanner, client, ctx, inFlight));
            var seconds = clock.Elapsed.TotalSeconds;
            Console.WriteLine($"  {Describe(scans)}");
            Console.WriteLine($"  {calls:N0} API calls ({calls - blocks:N0} ListSnapshotBlocks, {blocks:N0} GetSnapshotBlock of {withData:N0} blocks with data), "
                + $"{bytes / 1048576.0:N0} MB at {bytes / 1048576.0 / seconds:N0} MB/s, {seconds:N1} s");
            return 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static IReadOnlyList<FileSystemScan> ScanFile(DiskScanner scanner, string image)
    {
        using var cancel = new CancellationTokenSource();
        return Task.Run(async () =>
        {
            await using var device = new FileBlockDevice(image);
            return await scanner.ScanAsync(device, "disk.img", DateTimeOffset.UtcNow, cancel.Token);
        }).GetAwaiter().GetResult();
    }

    private static (IReadOnlyList<FileSystemScan>, long, long, long, int) ScanSnapshot(DiskScanner scanner, AwsApiClient client, AwsCallContext ctx, int inFlight) =>
        Task.Run(async () =>
        {
            await using var device = await EbsSnapshotBlockDevice.OpenAsync(client, ctx, "snap-bench", new EbsReadOptions(MaxInFlight: inFlight), CancellationToken.None);
            var scans = await scanner.ScanAsync(device, "snap-bench", DateTimeOffset.UtcNow, CancellationToken.None);
            return (scans, device.ApiCalls, device.BlocksRead, device.BytesRead, device.BlocksWithData);
        }).GetAwaiter().GetResult();

    private static string Describe(IReadOnlyList<FileSystemScan> scans) =>
        string.Join("; ", scans.Select(s => s.Report is { } r
            ? $"{s.Partition} {s.FileSystemType}: {r.Inventory.Packages.Count:N0} packages, {r.Matches.Count:N0} matches, {r.Inventory.Notices.Count} notices"
            : $"{s.Partition} {s.FileSystemType}: {s.Error}"));

    private static long TreeSize(string root) =>
        new DirectoryInfo(root).EnumerateFiles("*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = true })
            .Sum(f => f.Length + 4096);

    // Without the Debian root: a dpkg database and many files in many directories, as a small VM disk holds.
    private static string GenerateTree(string root)
    {
        var random = new Random(1);
        Directory.CreateDirectory(Path.Combine(root, "etc"));
        Directory.CreateDirectory(Path.Combine(root, "var/lib/dpkg"));
        File.WriteAllText(Path.Combine(root, "etc/os-release"), "ID=debian\nVERSION_ID=\"12\"\n");
        File.WriteAllText(Path.Combine(root, "var/lib/dpkg/status"), string.Concat(Enumerable.Range(0, 300).Select(i => $"Package: pkg{i}\nStatus: install ok installed\nVersion: 1.{i}\n\n")));
        for (var d = 0; d < 200; d++)
        {
            var dir = Path.Combine(root, "usr/share", $"d{d}");
            Directory.CreateDirectory(dir);
            for (var f = 0; f < 50; f++)
            {
                var bytes = new byte[random.Next(100, 40_000)];
                random.NextBytes(bytes);
                File.WriteAllBytes(Path.Combine(dir, $"f{f}"), bytes);
            }
        }

        return root;
    }

    private static void Run(string tool, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(tool, arguments) { RedirectStandardError = true })!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} failed: {error}");
        }
    }

    private static string? Arg(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
