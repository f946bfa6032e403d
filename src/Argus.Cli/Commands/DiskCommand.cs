using System.CommandLine;
using Argus.Cli.Terminal;
using Argus.VmScan.Disks;
using Argus.Vulnerability;

namespace Argus.Cli.Commands;

/// <summary>'argus disk scan': the software and known vulnerabilities on a disk image or block device, read in process.</summary>
public static class DiskCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("disk", "Scan a disk image or block device (a VM volume, a snapshot) for software and known vulnerabilities, without mounting it.");
        command.Subcommands.Add(CreateScan(context));
        return command;
    }

    private static Command CreateScan(CliContext context)
    {
        var options = new VulnerabilityScanOptions();
        var path = new Argument<string>("disk") { Description = "A raw disk image file or a block device node (/dev/nvme1n1), opened read-only." };
        var command = new Command("scan", """
            Read a disk's partition table (MBR or GPT, or none) and every ext2/ext3/ext4 file system on it in
            process, without mounting anything, then list the software and match it against OSV records.

            Only what the inventory reads is copied out (directories, links, the OS package databases, the files
            language cataloguers want) to a private directory in memory-backed /dev/shm, and deleted after the
            scan. Partitions that cannot be read (XFS, LVM, encrypted, swap) are listed with the reason. The disk
            is opened read-only; a block device usually needs root or the disk group.

            Examples:
              argus disk scan ./vm-disk.img --osv ./osv-debian.zip
              sudo argus disk scan /dev/nvme1n1 --osv ./osv --fail-on high
              argus disk scan ./root.ext4 --sbom-only --format cyclonedx --output sbom.json
            """)
        {
            path,
        };
        foreach (var option in options.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(context, (parse, cancellation) =>
        {
            var disk = Path.GetFullPath(parse.GetValue(path)!);
            if (!File.Exists(disk))
            {
                throw new CliException($"{disk} does not exist or is not a file or device", ExitCodes.BadInput);
            }

            var database = VulnerabilityScanRun.LoadDatabase(parse, options);
            var at = DateTimeOffset.UtcNow;
            var scans = ScanAsync(disk, new DiskScanner(new VulnerabilityScanner(database)), at, cancellation).GetAwaiter().GetResult();
            foreach (var scan in scans)
            {
                context.Error.WriteLine(scan.Report is { } r
                    ? $"{scan.Partition}: {scan.FileSystemType}, {r.Inventory.Packages.Count:N0} packages"
                    : $"{scan.Partition}: {scan.FileSystemType}, not read: {scan.Error}");
            }

            if (scans.All(s => s.Report is null))
            {
                throw new CliException($"no file system on {disk} could be read", ExitCodes.BadInput);
            }

            var info = database is null ? null : new DatabaseInfo(database.Source, database.RecordCount, database.WithdrawnCount);
            return VulnerabilityScanRun.Report(context, parse, options, DiskScanReport.Merge(disk, scans, info, at), disk);
        });
        return command;
    }

    private static async Task<IReadOnlyList<FileSystemScan>> ScanAsync(string disk, DiskScanner scanner, DateTimeOffset at, CancellationToken ct)
    {
        try
        {
            await using var device = new FileBlockDevice(disk);
            return await scanner.ScanAsync(device, Path.GetFileName(disk), at, ct);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new CliException($"cannot read {disk}: {e.Message} (a block device usually needs root or the disk group)", ExitCodes.BadInput);
        }
    }
}
