using Argus.Core.Import;
using Argus.Core.Model;

namespace Argus.Storage.Bundles;

/// <summary>
/// A bundle written by <see cref="BundleWriter"/>, as a folder or a .tar.gz. Importing it keeps its snapshot id,
/// times, label, scopes and coverage gaps; every document is checked against the manifest's size and SHA-256.
/// </summary>
public sealed class BundleSource : ISnapshotSource
{
    private readonly string path;
    private readonly bool archive;
    private readonly BundleManifest manifest;
    private readonly BundleLimits limits;
    private readonly List<ImportNotice> notices = [];

    private BundleSource(string path, bool archive, BundleManifest manifest, BundleLimits limits)
    {
        this.path = path;
        this.archive = archive;
        this.manifest = manifest;
        this.limits = limits;
        var s = manifest.Snapshot;
        Header = new SnapshotHeader(s.Id, s.StartedAt, s.FinishedAt, s.Status, s.Label, s.Scopes);
    }

    public string Description => "bundle:" + path;

    public SnapshotHeader Header { get; }

    /// <summary>The manifest's gaps, known as soon as the bundle is open.</summary>
    public IReadOnlyList<CoverageGap> Gaps => manifest.Snapshot.Gaps;

    public IReadOnlyList<ImportNotice> Notices => notices;

    /// <summary>Where the snapshot was first collected or imported from, as the manifest says.</summary>
    public string OriginalSource => manifest.Snapshot.Source;

    /// <summary>Opens a bundle folder (holding <c>manifest.json</c>) or a .tar.gz and reads its manifest.</summary>
    /// <param name="limits">Bounds on entry and total size; <see cref="BundleLimits.Default"/> when null.</param>
    /// <exception cref="ImportException">The path is not a bundle, or its manifest is malformed or of an unknown version.</exception>
    public static BundleSource Open(string path, BundleLimits? limits = null)
    {
        var full = Path.GetFullPath(path);
        limits ??= BundleLimits.Default;
        if (Directory.Exists(full))
        {
            return new BundleSource(full, archive: false, FolderBundleReader.ReadManifest(full, limits), limits);
        }

        if (!File.Exists(full))
        {
            throw new ImportException(full, "no such bundle file or folder");
        }

        return new BundleSource(full, archive: true, TarBundleReader.ReadManifest(full, limits), limits);
    }

    /// <summary>Streams the documents in the bundle's order, one in memory at a time.</summary>
    public IEnumerable<RawDocument> ReadDocuments()
    {
        notices.Clear();
        return archive
            ? TarBundleReader.ReadDocuments(path, manifest, limits, notices)
            : FolderBundleReader.ReadDocuments(path, manifest, limits, notices);
    }
}
