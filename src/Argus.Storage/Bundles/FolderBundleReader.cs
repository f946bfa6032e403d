using Argus.Core.Import;
using Argus.Core.Model;

namespace Argus.Storage.Bundles;

/// <summary>Reads an unpacked bundle folder: the documents its manifest lists, each checked, and notices for files it does not list.</summary>
internal static class FolderBundleReader
{
    public static BundleManifest ReadManifest(string folder, BundleLimits limits)
    {
        var path = Path.Combine(folder, BundlePaths.Manifest);
        var bytes = ReadFile(folder, BundlePaths.Manifest, limits, []);
        return ManifestReader.Parse(path, bytes);
    }

    public static IEnumerable<RawDocument> ReadDocuments(string folder, BundleManifest manifest, BundleLimits limits, List<ImportNotice> notices)
    {
        var safeFolders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in manifest.Documents)
        {
            yield return DocumentVerifier.Verify(entry, ReadFile(folder, entry.Path, limits, safeFolders), FullPath(folder, entry.Path));
        }

        var listed = manifest.Documents.Select(d => FullPath(folder, d.Path)).Append(FullPath(folder, BundlePaths.Manifest)).ToHashSet(StringComparer.Ordinal);
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 };
        foreach (var file in Directory.EnumerateFiles(folder, "*", options).Where(f => !listed.Contains(f)).Order(StringComparer.Ordinal))
        {
            notices.Add(new ImportNotice(ImportNoticeKind.Skipped, file, "not listed in the bundle's manifest"));
        }
    }

    /// <summary>
    /// Reads a file the manifest names, refusing links anywhere on the way so that a bundle cannot make Argus
    /// read outside it, and refusing sizes over the limit before reading.
    /// </summary>
    /// <param name="safeFolders">Folders already found not to be links, so each is checked once.</param>
    private static byte[] ReadFile(string folder, string relative, BundleLimits limits, HashSet<string> safeFolders)
    {
        var current = folder;
        var segments = relative.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            current = Path.Combine(current, segments[i]);
            var isFolder = i < segments.Length - 1;
            if (isFolder && safeFolders.Contains(current))
            {
                continue;
            }

            if (new FileInfo(current).LinkTarget is not null)
            {
                throw new ImportException(current, "is a symbolic link; a bundle holds only plain files and folders");
            }

            if (isFolder)
            {
                safeFolders.Add(current);
            }
        }

        var file = new FileInfo(current);
        if (!file.Exists)
        {
            throw new ImportException(current, $"missing from the bundle{(relative == BundlePaths.Manifest ? "" : " (the manifest lists it)")}");
        }

        DocumentVerifier.CheckSize(file.Length, limits, current);
        try
        {
            return File.ReadAllBytes(current);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ImportException(current, $"cannot read the file: {e.Message}", inner: e);
        }
    }

    private static string FullPath(string folder, string relative) => Path.Combine(folder, relative.Replace('/', Path.DirectorySeparatorChar));
}
