using System.Formats.Tar;
using System.IO.Compression;
using Argus.Core.Import;
using Argus.Core.Model;

namespace Argus.Storage.Bundles;

/// <summary>
/// Reads a .tar.gz bundle as a stream, never extracting to disk. Built for hostile input: entry names must be
/// plain relative paths, only regular files and folders are accepted (no links, devices or FIFOs), each entry
/// and the decompressed total are bounded, and the manifest must come first so every later entry is checked
/// against it as it streams by.
/// </summary>
internal static class TarBundleReader
{
    public static BundleManifest ReadManifest(string archive, BundleLimits limits)
    {
        using var tar = Open(archive, limits);
        var first = NextFile(tar, archive, limits);
        if (first is null || first.Value.Name != BundlePaths.Manifest)
        {
            throw new ImportException(archive, first is null
                ? "the archive holds no files; a bundle starts with manifest.json"
                : $"the first file is '{first.Value.Name}', not {BundlePaths.Manifest}: a bundle archive starts with its manifest (write bundles with 'argus export')");
        }

        return ManifestReader.Parse(Inside(archive, BundlePaths.Manifest), ReadData(first.Value.Entry, archive, BundlePaths.Manifest));
    }

    public static IEnumerable<RawDocument> ReadDocuments(string archive, BundleManifest manifest, BundleLimits limits, List<ImportNotice> notices)
    {
        var expected = manifest.Documents.ToDictionary(d => d.Path, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        using var tar = Open(archive, limits);
        if (NextFile(tar, archive, limits)?.Name != BundlePaths.Manifest)
        {
            throw new ImportException(archive, "the archive changed since its manifest was read");
        }

        while (NextFile(tar, archive, limits) is { } file)
        {
            if (!seen.Add(file.Name))
            {
                throw new ImportException(Inside(archive, file.Name), "appears twice in the archive");
            }

            if (!expected.TryGetValue(file.Name, out var entry))
            {
                notices.Add(new ImportNotice(ImportNoticeKind.Skipped, Inside(archive, file.Name), "not listed in the bundle's manifest"));
                continue;
            }

            if (file.Entry.Length != entry.Size)
            {
                throw new ImportException(Inside(archive, file.Name), $"the entry is {file.Entry.Length:N0} bytes but the manifest says {entry.Size:N0}; the bundle was altered or damaged");
            }

            yield return DocumentVerifier.Verify(entry, ReadData(file.Entry, archive, file.Name), Inside(archive, file.Name));
        }

        var missing = manifest.Documents.Where(d => !seen.Contains(d.Path)).ToList();
        if (missing.Count > 0)
        {
            throw new ImportException(archive, $"{missing.Count} document(s) the manifest lists are not in the archive, first {missing[0].Path}; the bundle is incomplete");
        }
    }

    /// <summary>How entry paths are shown in messages: <c>bundle.tar.gz!/aws/.../DescribeVpcs.json</c>.</summary>
    public static string Inside(string archive, string entry) => $"{archive}!/{entry}";

    private static TarReader Open(string archive, BundleLimits limits)
    {
        FileStream file;
        try
        {
            file = File.OpenRead(archive);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ImportException(archive, $"cannot read the file: {e.Message}", inner: e);
        }

        try
        {
            return new TarReader(new BoundedReadStream(new GZipStream(file, CompressionMode.Decompress), limits.MaxTotalBytes, archive), leaveOpen: false);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>The next regular file with its checked name, skipping folders; null at the end.</summary>
    private static (string Name, TarEntry Entry)? NextFile(TarReader tar, string archive, BundleLimits limits)
    {
        while (true)
        {
            TarEntry? entry;
            try
            {
                entry = tar.GetNextEntry(copyData: false);
            }
            catch (Exception e) when (e is InvalidDataException or EndOfStreamException or FormatException or ArgumentException or InvalidOperationException)
            {
                throw new ImportException(archive, $"not a readable .tar.gz: {e.Message}", inner: e);
            }

            if (entry is null)
            {
                return null;
            }

            var name = entry.Name;
            while (name.StartsWith("./", StringComparison.Ordinal))
            {
                name = name[2..];
            }

            // Archive-wide metadata and the archive's own root folder carry no file.
            if (entry.EntryType == TarEntryType.GlobalExtendedAttributes || (entry.EntryType == TarEntryType.Directory && name.TrimEnd('/') is "" or "."))
            {
                continue;
            }

            if (BundlePaths.Problem(entry.EntryType == TarEntryType.Directory ? name.TrimEnd('/') : name) is { } problem)
            {
                throw new ImportException(archive, $"entry '{entry.Name}' refused: {problem}");
            }

            switch (entry.EntryType)
            {
                case TarEntryType.Directory:
                    continue;
                case TarEntryType.RegularFile or TarEntryType.V7RegularFile:
                    DocumentVerifier.CheckSize(entry.Length, limits, Inside(archive, name));
                    return (name, entry);
                default:
                    throw new ImportException(archive, $"entry '{entry.Name}' refused: it is a {Describe(entry.EntryType)}; a bundle holds only regular files");
            }
        }
    }

    private static byte[] ReadData(TarEntry entry, string archive, string name)
    {
        var bytes = new byte[entry.Length];
        if (entry.DataStream is { } data)
        {
            try
            {
                data.ReadExactly(bytes);
            }
            catch (Exception e) when (e is EndOfStreamException or InvalidDataException)
            {
                throw new ImportException(Inside(archive, name), $"the archive ends inside this entry: {e.Message}", inner: e);
            }
        }

        return bytes;
    }

    private static string Describe(TarEntryType type) => type switch
    {
        TarEntryType.SymbolicLink => "symbolic link",
        TarEntryType.HardLink => "hard link",
        TarEntryType.CharacterDevice => "character device",
        TarEntryType.BlockDevice => "block device",
        TarEntryType.Fifo => "FIFO",
        _ => $"'{type}' entry",
    };
}
