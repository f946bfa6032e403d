using System.CommandLine;
using Argus.Cli.Terminal;
using Argus.Vulnerability.Osv.Export;

namespace Argus.Cli.Commands;

/// <summary>'argus osv update' and 'argus osv status': the local copy of the public OSV vulnerability database.</summary>
public static class OsvCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("osv", "Download and inspect the OSV vulnerability database that 'argus fs scan' and 'argus image scan' match against.");
        command.Subcommands.Add(CreateUpdate(context));
        command.Subcommands.Add(CreateStatus(context));
        return command;
    }

    private static Option<string?> Dir(string description) => new("--dir")
    {
        Description = description,
        HelpName = "FOLDER",
    };

    private static Command CreateUpdate(CliContext context)
    {
        var ecosystems = new Option<string[]>("--ecosystems", "-e")
        {
            Description = "The OSV ecosystems to download, comma-separated or repeated, spelled as OSV does. "
                + $"Default: those Argus inventories ({string.Join(",", OsvExport.DefaultEcosystems)}).",
            HelpName = "LIST",
            AllowMultipleArgumentsPerToken = true,
        };
        var dir = Dir("The database folder to write one zip per ecosystem into. Default: ~/.local/share/argus/osv, "
            + "where the scans look when neither --osv nor $ARGUS_OSV is given.");
        var source = new Option<string>("--source")
        {
            Description = "The export's root (a mirror of the OSV bucket); each ecosystem is read from SOURCE/<ecosystem>/all.zip.",
            HelpName = "URL",
            DefaultValueFactory = _ => OsvExport.DefaultSource.AbsoluteUri,
        };
        var timeout = new Option<int>("--timeout")
        {
            Description = "Give an ecosystem up when the server sends nothing for this many seconds.",
            HelpName = "SECONDS",
            DefaultValueFactory = _ => 60,
        };
        var command = new Command("update", $"""
            Download the public OSV export (one all.zip per ecosystem) into the local vulnerability database.

            Each ecosystem is written to a temporary file, checked (complete, a zip, every record parses) and only
            then moved over the earlier copy, so a failed or interrupted download leaves the database as it was.
            An ecosystem that fails (HTTP status, DNS, connection, timeout, truncated archive) is reported and the
            others still land; the exit code is then {ExitCodes.Degraded}. Debian, npm and Maven are each tens
            to hundreds of megabytes.

            Examples:
              argus osv update
              argus osv update --ecosystems Debian,Go,npm
              argus osv update --dir ./osv --source https://mirror.example.com/osv/
              argus fs scan /mnt/snapshot        # then uses ~/.local/share/argus/osv
            """)
        {
            ecosystems, dir, source, timeout,
        };
        command.SetAction(context, (parse, cancellation) =>
        {
            var folder = Path.GetFullPath(parse.GetValue(dir) ?? VulnerabilityScanOptions.DefaultDatabaseFolder);
            var names = ParseEcosystems(parse.GetValue(ecosystems));
            var root = ParseSource(parse.GetValue(source)!);
            var seconds = parse.GetValue(timeout);
            if (seconds <= 0)
            {
                throw new CliException("--timeout must be a positive number of seconds", ExitCodes.Usage);
            }

            // The downloader's idle timeout guards every read; HttpClient's whole-request timeout would cut a slow but live download.
            using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
            http.DefaultRequestHeaders.UserAgent.ParseAdd("argus-osv-update/1");
            var downloader = new OsvDownloader(http, root, TimeSpan.FromSeconds(seconds));
            context.Error.WriteLine($"Downloading {names.Count} OSV ecosystems from {root} into {folder}");
            var results = OsvDownloadDisplay.Run(context, names, (ecosystem, progress) =>
                downloader.DownloadAsync(ecosystem, folder, progress, cancellation).GetAwaiter().GetResult());
            WriteSummary(context, results);
            return results.All(r => r.Succeeded) ? ExitCodes.Ok : ExitCodes.Degraded;
        });
        return command;
    }

    private static Command CreateStatus(CliContext context)
    {
        var dir = Dir("The database to describe: a folder or a zip. Default: $ARGUS_OSV, else ~/.local/share/argus/osv (what the scans load).");
        var command = new Command("status", """
            Show what the local OSV database holds: each zip, its record count, size and date.

            The date is the export's (the server's Last-Modified, kept as the file's time by 'argus osv update').

            Examples:
              argus osv status
              argus osv status --dir ./osv
            """)
        {
            dir,
        };
        command.SetAction(context, (parse, _) =>
        {
            var path = Path.GetFullPath(parse.GetValue(dir)
                ?? Environment.GetEnvironmentVariable(VulnerabilityScanOptions.DefaultOsvEnvironmentVariable)
                ?? VulnerabilityScanOptions.DefaultDatabaseFolder);
            IReadOnlyList<OsvDatabaseFile> zips;
            var loose = 0;
            if (Directory.Exists(path))
            {
                (zips, loose) = OsvDatabaseFolder.Describe(path);
            }
            else if (File.Exists(path))
            {
                zips = [OsvDatabaseFolder.DescribeZip(path)];
            }
            else
            {
                throw new CliException($"no OSV database at {path}; 'argus osv update' downloads one", ExitCodes.BadInput);
            }

            context.Out.WriteLine($"Database: {path}");
            context.Out.WriteLine();
            TableWriter.Write(
                context,
                ["file", "records", "size", "date (UTC)", "problem"],
                zips.Select(z => (IReadOnlyList<string>)
                [
                    Path.GetRelativePath(Directory.Exists(path) ? path : Path.GetDirectoryName(path)!, z.Path), z.Records.ToString("N0"),
                    Size(z.Bytes), z.Modified.UtcDateTime.ToString("yyyy-MM-dd HH:mm"), z.Error ?? "",
                ]));
            context.Out.WriteLine();
            var oldest = zips.Count == 0 ? "" : $", oldest from {zips.Min(z => z.Modified).UtcDateTime:yyyy-MM-dd}";
            context.Out.WriteLine($"{zips.Sum(z => z.Records) + loose:N0} records: {zips.Count} zips{(loose > 0 ? $" and {loose:N0} JSON files" : "")}{oldest}");
            return zips.Any(z => z.Error is not null) ? ExitCodes.BadInput : ExitCodes.Ok;
        });
        return command;
    }

    private static IReadOnlyList<string> ParseEcosystems(string[]? values)
    {
        if (values is null || values.Length == 0)
        {
            return OsvExport.DefaultEcosystems;
        }

        var names = values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct(StringComparer.Ordinal).ToList();
        return names.Count > 0 ? names : throw new CliException("--ecosystems names no ecosystem", ExitCodes.Usage);
    }

    private static Uri ParseSource(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new CliException($"--source must be an http(s) URL, not '{value}'", ExitCodes.Usage);

    private static void WriteSummary(CliContext context, IReadOnlyList<OsvEcosystemUpdate> results)
    {
        TableWriter.Write(
            context,
            ["ecosystem", "records", "size", "export date (UTC)", "result"],
            results.Select(r => (IReadOnlyList<string>)
            [
                r.Ecosystem, r.Succeeded ? r.Records.ToString("N0") : "", r.Succeeded ? Size(r.Bytes) : "",
                r.Exported?.UtcDateTime.ToString("yyyy-MM-dd HH:mm") ?? "", r.Succeeded ? "updated" : "FAILED (kept the earlier copy, if any)",
            ]));
        foreach (var failed in results.Where(r => !r.Succeeded))
        {
            context.Error.WriteLine($"error: {failed.Ecosystem} ({failed.Address}): {failed.Error}");
        }

        var landed = results.Where(r => r.Succeeded).ToList();
        context.Out.WriteLine($"{landed.Sum(r => r.Records):N0} records in {landed.Count} of {results.Count} ecosystems updated at {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC");
    }

    private static string Size(long bytes) => bytes >= 1 << 20 ? $"{bytes / 1048576.0:0.0} MB" : $"{bytes / 1024.0:0.0} KB";
}
