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
    /// Streams <paramref name="documents"/> to a staging folder beside <paramref name="target"/> (one document in
    /// memory at a time), then renames it into place, or packs it into a temporary archive with the manifest first
    /// and renames that: the target either appears whole or not at all. An existing archive file is replaced; an
    /// existing folder must be empty.
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
        var packed = staging + ".tar.gz";
        try
        {
            var manifest = WriteFolder(staging, snapshot, documents);
            if (archive)
            {
                Pack(staging, manifest, packed, snapshot.FinishedAt);
                File.Move(packed, target, overwrite: true);
            }
            else
            {
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

            File.Delete(packed);
        }
    }

    internal static bool IsArchivePath(string path) =>
        path.EndsWith(".tar.gz", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".tgz", StringComparison.OrdinalIgnoreCase);

    private static BundleManifest WriteFolder(string folder, Snapshot snapshot, IEnumerable<RawDocument> documents)
    {
        Directory.CreateDirectory(folder);
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

            var full = Path.Combine(folder, path.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            using (var file = new FileStream(full, FileMode.CreateNew, FileAccess.Write))
            {
                file.Write(document.Json.Span);
            }

            entries.Add(new ManifestDocument(path, document.Provider, document.Account, document.Region, document.Service, document.Operation,
                document.Resource, document.Json.Length, Convert.ToHexStringLower(SHA256.HashData(document.Json.Span))));
        }

        var manifest = new BundleManifest
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
            Documents = entries,
        };
        using (var file = new FileStream(Path.Combine(folder, BundlePaths.Manifest), FileMode.CreateNew, FileAccess.Write))
        {
            JsonSerializer.Serialize(file, manifest, BundleManifestJson.Readable.BundleManifest);
        }

        return manifest;
    }

    /// <summary>The manifest goes first so that a reader knows what to expect before it streams the documents.</summary>
    private static void Pack(string folder, BundleManifest manifest, string archive, DateTimeOffset modified)
    {
        using var file = new FileStream(archive, FileMode.CreateNew, FileAccess.Write);
        using var gzip = new GZipStream(file, CompressionLevel.Optimal);
        using var tar = new TarWriter(gzip, TarEntryFormat.Pax, leaveOpen: false);
        foreach (var path in manifest.Documents.Select(d => d.Path).Prepend(BundlePaths.Manifest))
        {
            using var data = File.OpenRead(Path.Combine(folder, path.Replace('/', Path.DirectorySeparatorChar)));
            tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, path)
            {
                DataStream = data,
                ModificationTime = modified,
                Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead,
            });
        }
    }
}
