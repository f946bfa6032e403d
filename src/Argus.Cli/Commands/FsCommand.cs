using System.CommandLine;
using Argus.Cli.Terminal;
using Argus.Vulnerability;
using Argus.Vulnerability.Inventory;

namespace Argus.Cli.Commands;

/// <summary>'argus fs scan': the software and known vulnerabilities of a root filesystem on this machine.</summary>
public static class FsCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("fs", "Scan a root filesystem (a mounted volume or disk snapshot, an unpacked image) for software and known vulnerabilities.");
        command.Subcommands.Add(CreateScan(context));
        return command;
    }

    private static Command CreateScan(CliContext context)
    {
        var options = new VulnerabilityScanOptions();
        var path = new Argument<string>("path") { Description = "The directory to read as a root filesystem ('/' inside it is this directory)." };
        var command = new Command("scan", """
            List the software in a root filesystem and match it against OSV vulnerability records.

            Reads the OS package databases (dpkg incl. distroless status.d, the SQLite rpmdb, apk) and language
            packages anywhere in the tree (npm, Python, Go binaries, .NET deps.json, Java archives, Cargo.lock).
            Symbolic links are resolved inside the root, never to files of this machine. Nothing is written to
            the scanned directory.

            Examples:
              argus fs scan /mnt/snapshot --osv ./osv-debian.zip
              argus fs scan ./rootfs --sbom-only --format cyclonedx --output sbom.json
              argus fs scan /mnt/vol --osv ./osv --fail-on high --format sarif -o scan.sarif
              argus fs scan /mnt/vol --osv ./osv --store --account 123456789012
            """)
        {
            path,
        };
        foreach (var option in options.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(context, (parse, _) =>
        {
            var directory = Path.GetFullPath(parse.GetValue(path)!);
            if (!Directory.Exists(directory))
            {
                throw new CliException($"{directory} is not a directory", ExitCodes.BadInput);
            }

            var database = VulnerabilityScanRun.LoadDatabase(parse, options);
            var report = new VulnerabilityScanner(database).Scan(new RootFileSystem(directory), directory, DateTimeOffset.UtcNow);
            return VulnerabilityScanRun.Report(context, parse, options, report, directory);
        });
        return command;
    }
}
