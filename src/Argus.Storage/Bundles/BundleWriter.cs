using System.Formats.Tar;
using System.IO.Compression;
using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;
using Argus.Core.Model;

namespace Argus.Storage.Bundles;

/// <summary>
/// Writes a snapshot as a bundle that <see cref="BundleSource"/> reads anywhere: a folder, or a .tar.gz when the
/// target ends in <c>.tar.gz</c> or <c>.tgz</c>. See docs/bundle-format.md.
/// </summary>
public static class BundleWriter
{
    /// <summary>
    /// Streams <paramref name="documents"/> (one in memory at a time) to a staging folder beside
    /// <paramref name="target"/> that is then renamed into place, or, for an archive, to a spool file that is then
    /// packed, manifest first, into a temporary archive renamed over the target: the bundle appears whole or not
    /// at all. An existing archive file is replaced; an existing folder must be empty.
    /// </summary>
    /// <exception cref="IOException">The target is a non-empty folder, a folder where an archive was asked for, or a file where a folder was.</exception>
    /// <exception cref="ArgumentException">Two documents answer the same operation for the same account, region and resource.</exception>
    public static void Write(Snapshot snapshot, IEnumerable<RawDocument> documents, string target)
    {
        target = Path.GetFullPath(target);
        var archive = IsArchivePath(target);
        if (archive && Directory.Exists(target))
        {
            throw new IOException($"{target}: is a folder; a bundle archive is written as a file");
        }

        if (!archive && File.Exists(target))
        {
            throw new IOException($"{target}: is a file; give a folder, or a path ending in .tar.gz for an archive");
        }

        if (!archive && Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
        {
            throw new IOException($"{target}: the folder is not empty; refusing to write a bundle into it");
        }

        var parent = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, $".{Path.GetFileName(target)}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}.tmp");
        try
        {
            if (archive)
            {
                WriteArchive(staging, snapshot, documents);
                File.Move(staging, target, overwrite: true);
            }
            else
            {
                WriteFolder(staging, snapshot, documents);
                if (Directory.Exists(target))
                {
                    Directory.Delete(target);
                }

                Directory.Move(staging, target);
            }
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }

            File.Delete(staging);
        }
    }

    internal static bool IsArchivePath(string path) =>
        path.EndsWith(".tar.gz", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".tgz", StringComparison.OrdinalIgnoreCase);

    private static void WriteFolder(string folder, Snapshot snapshot, IEnumerable<RawDocument> documents)
    {
        Directory.CreateDirectory(folder);
        var entries = WriteDocuments(documents, (path, json) =>
        {
            var full = Path.Combine(folder, path.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            using var file = new FileStream(full, FileMode.CreateNew, FileAccess.Write);
            file.Write(json);
        });
        using var manifest = new FileStream(Path.Combine(folder, BundlePaths.Manifest), FileMode.CreateNew, FileAccess.Write);
        JsonSerializer.Serialize(manifest, Manifest(snapshot, entries), BundleManifestJson.Readable.BundleManifest);
    }

    /// <summary>
    /// The documents go to one spool file first, as the manifest (which must lead the archive) is only known
    /// after the last one; then they are packed behind it, read back one at a time in the same order.
    /// </summary>
    private static void WriteArchive(string archive, Snapshot snapshot, IEnumerable<RawDocument> documents)
    {
        using var spool = new FileStream(archive + ".spool", FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        var entries = WriteDocuments(documents, (_, json) => spool.Write(json));
        spool.Position = 0;

        var modified = snapshot.FinishedAt;
        using var file = new FileStream(archive, FileMode.CreateNew, FileAccess.Write);
        using var gzip = new GZipStream(file, CompressionLevel.Optimal);
        using var tar = new TarWriter(gzip, TarEntryFormat.Pax, leaveOpen: false);
        tar.WriteEntry(Entry(BundlePaths.Manifest, JsonSerializer.SerializeToUtf8Bytes(Manifest(snapshot, entries), BundleManifestJson.Readable.BundleManifest), modified));
        foreach (var entry in entries)
        {
            var json = new byte[entry.Size];
            spool.ReadExactly(json);
            tar.WriteEntry(Entry(entry.Path, json, modified));
        }
    }

    /// <summary>Hands each document to <paramref name="write"/> under its bundle path, and lists it for the manifest.</summary>
    private static List<ManifestDocument> WriteDocuments(IEnumerable<RawDocument> documents, Action<string, ReadOnlySpan<byte>> write)
    {
        var entries = new List<ManifestDocument>();
        var paths = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var keys = new HashSet<(Provider, string, string, string, string, string?)>();
        foreach (var document in documents)
        {
            if (!keys.Add((document.Provider, document.Account, document.Region, document.Service, document.Operation, document.Resource)))
            {
                throw new ArgumentException($"two documents answer {document}; a snapshot holds one", nameof(documents));
            }

            // Names that differ only in case would overwrite each other on macOS and Windows folders.
            var path = BundlePaths.DocumentPath(document);
            if (!paths.Add(path))
            {
                path = BundlePaths.Disambiguated(path, document);
                paths.Add(path);
            }

            write(path, document.Json.Span);
            entries.Add(new ManifestDocument(path, document.Provider, document.Account, document.Region, document.Service, document.Operation,
                document.Resource, document.Json.Length, Convert.ToHexStringLower(SHA256.HashData(document.Json.Span))));
        }

        return entries;
    }

    private static BundleManifest Manifest(Snapshot snapshot, IReadOnlyList<ManifestDocument> documents) => new()
    {
        Format = BundleManifest.FormatName,
        Version = BundleManifest.CurrentVersion,
        CreatedAt = DateTimeOffset.UtcNow,
        CreatedBy = "argus " + (typeof(BundleWriter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "?"),
        Snapshot = new ManifestSnapshot
        {
            Id = snapshot.Id,
            StartedAt = snapshot.StartedAt,
            FinishedAt = snapshot.FinishedAt,
            Status = snapshot.Status,
            Source = snapshot.Source,
            Label = snapshot.Label,
            Scopes = snapshot.Scopes,
            Gaps = snapshot.Gaps,
        },
        Documents = documents,
    };

    private static PaxTarEntry Entry(string path, byte[] data, DateTimeOffset modified) => new(TarEntryType.RegularFile, path)
    {
        DataStream = new MemoryStream(data, writable: false),
        ModificationTime = modified,
        Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead,
    };
}
