using Argus.Core.Import;
using Argus.Core.Model;

namespace Argus.Storage.Tests.Support;

/// <summary>A source that never ends on its own: documents with distinct names, or the same one again and again.</summary>
internal sealed class EndlessSource(bool repeatTheSameDocument, Action<long>? onDocument = null) : ISnapshotSource
{
    public string Description => "endless";

    public SnapshotHeader Header { get; } = new(Id: "snap-endless");

    public IReadOnlyList<CoverageGap> Gaps => [];

    public IReadOnlyList<ImportNotice> Notices => [];

    public long Produced { get; private set; }

    public IEnumerable<RawDocument> ReadDocuments()
    {
        while (true)
        {
            onDocument?.Invoke(Produced);
            var operation = repeatTheSameDocument ? "DescribeVpcs" : $"Describe{Produced}";
            Produced++;
            yield return TestData.Document(operation, "{\"Vpcs\":[]}");
        }
    }
}
