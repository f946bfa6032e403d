using Argus.Core.Model;

namespace Argus.Core.Import;

/// <summary>
/// Something a snapshot can be imported from: a bundle folder or .tar.gz, a folder of AWS CLI output, the
/// synthetic generator, a live connector. Documents are streamed and enumerated once.
/// </summary>
public interface ISnapshotSource
{
    /// <summary>Human-readable origin, stored with the snapshot, e.g. <c>bundle:/tmp/x.tar.gz</c>. Never credentials.</summary>
    string Description { get; }

    /// <summary>What the source knows about the snapshot before reading documents (from a manifest, say).</summary>
    SnapshotHeader Header { get; }

    /// <summary>
    /// Streams the documents. Throws <see cref="ImportException"/> naming the file and position for malformed
    /// input; unrecognised inputs are skipped and reported through <see cref="Notices"/>.
    /// </summary>
    IEnumerable<RawDocument> ReadDocuments();

    /// <summary>Coverage gaps; complete once <see cref="ReadDocuments"/> has been enumerated.</summary>
    IReadOnlyList<CoverageGap> Gaps { get; }

    /// <summary>Files skipped and values inferred; complete once <see cref="ReadDocuments"/> has been enumerated.</summary>
    IReadOnlyList<ImportNotice> Notices { get; }
}
