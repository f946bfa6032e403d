using Argus.Core.Import;
using Argus.Core.Model;

namespace Argus.Cli.Wiring;

/// <summary>A source whose header the user overrides (a label, or a fresh id so the same input can be imported again).</summary>
public sealed class SourceWithHeader(ISnapshotSource inner, SnapshotHeader header) : ISnapshotSource
{
    public string Description => inner.Description;

    public SnapshotHeader Header => header;

    public IReadOnlyList<CoverageGap> Gaps => inner.Gaps;

    public IReadOnlyList<ImportNotice> Notices => inner.Notices;

    public IEnumerable<RawDocument> ReadDocuments() => inner.ReadDocuments();
}
