using System.Text.Json;
using Argus.Core.Import;

namespace Argus.VmScan.Workflow;

/// <summary>
/// Scan journals, one JSON file per scan in a folder next to the store (vm-scans/), each replaced atomically
/// (written to a temporary file, then renamed over the old one) so a crash leaves the previous step's journal whole.
/// </summary>
public sealed class JournalFolder(string folder)
{
    private readonly object gate = new();

    public string Folder { get; } = Path.GetFullPath(folder);

    public string PathOf(string scanId) =>
        scanId.Length > 0 && scanId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            ? Path.Combine(Folder, scanId + ".json")
            : throw new ArgumentException($"'{scanId}' is not a scan id");

    public void Save(ScanJournal journal)
    {
        lock (gate)
        {
            Directory.CreateDirectory(Folder);
            var target = PathOf(journal.Plan.ScanId);
            var temporary = target + ".tmp";
            using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                JsonSerializer.Serialize(file, journal, ScanJournal.Json);
                file.Flush(flushToDisk: true);
            }

            File.Move(temporary, target, overwrite: true);
        }
    }

    /// <summary>The journal of <paramref name="scanId"/>, or null when there is none.</summary>
    /// <exception cref="ImportException">The file is not a scan journal.</exception>
    public ScanJournal? Load(string scanId)
    {
        var path = PathOf(scanId);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<ScanJournal>(File.ReadAllBytes(path), ScanJournal.Json)
                ?? throw new ImportException(path, "the file is empty, not a scan journal");
        }
        catch (JsonException e)
        {
            throw new ImportException(path, $"not a scan journal at line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1}: {e.Message}");
        }
    }

    /// <summary>Every journal's scan id, newest first.</summary>
    public IReadOnlyList<string> List() =>
        Directory.Exists(Folder)
            ? Directory.EnumerateFiles(Folder, "*.json").Select(Path.GetFileNameWithoutExtension).OfType<string>().OrderDescending(StringComparer.Ordinal).ToList()
            : [];
}
