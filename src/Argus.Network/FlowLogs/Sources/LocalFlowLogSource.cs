using Argus.Core.Import;

namespace Argus.Network.FlowLogs.Sources;

/// <summary>
/// A flow log file, or a folder read recursively (the S3 layout copied down with <c>aws s3 sync</c> works as is).
/// In a folder, files ending in .log, .log.gz, .gz or .txt are read, in path order; others are skipped.
/// </summary>
public sealed class LocalFlowLogSource(string path) : IFlowLogSource
{
    private static readonly string[] Extensions = [".log", ".gz", ".txt"];

    public string Description => path;

    /// <exception cref="ImportException">The path does not exist.</exception>
    public IEnumerable<FlowLogInput> Inputs(CancellationToken ct)
    {
        if (File.Exists(path))
        {
            return [Input(path)];
        }

        if (!Directory.Exists(path))
        {
            throw new ImportException(path, "no such file or folder");
        }

        return Directory.EnumerateFiles(path, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = false })
            .Where(f => Extensions.Any(e => f.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
            .Order(StringComparer.Ordinal)
            .Select(Input);
    }

    private static FlowLogInput Input(string file) =>
        // Unbuffered: GZipStream already reads in 8 KiB chunks, and a 64 KiB FileStream buffer per file was most of
        // the allocation per record (about 60 bytes) and measured a fifth slower for parse + attribution from gzip.
        new(file, _ => new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan), null, new FileInfo(file).Length);
}
