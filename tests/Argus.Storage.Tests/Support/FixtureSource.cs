using Argus.Core.Import;
using Argus.Core.Model;

namespace Argus.Storage.Tests.Support;

/// <summary>
/// Real <c>aws ec2 describe-*</c> output from the shared fixtures as a snapshot source: each fixture folder is
/// one region of one account, each file one document (<c>Vpcs.json</c> is <c>DescribeVpcs</c>).
/// </summary>
internal sealed class FixtureSource(string account, IReadOnlyDictionary<string, string> folderByRegion, int failAfter = -1) : ISnapshotSource
{
    public string Description => "fixtures:" + string.Join(",", folderByRegion.Values);

    public SnapshotHeader Header { get; } = new(Id: "snap-fixtures", Label: "fixtures");

    public IReadOnlyList<CoverageGap> Gaps { get; } =
        [new(Provider.Aws, "554773406868", "us-east-2", "ec2", "DescribeFlowLogs", "ec2:DescribeFlowLogs", GapReason.AccessDenied, "not in the fixture")];

    public IReadOnlyList<ImportNotice> Notices => [];

    public IEnumerable<RawDocument> Files() => folderByRegion.SelectMany(entry =>
        Directory.GetFiles(Path.Combine(entry.Value, "aws_configs"), "*.json").Order(StringComparer.Ordinal).Select(file =>
            new RawDocument(Provider.Aws, account, entry.Key, "ec2", "Describe" + Path.GetFileNameWithoutExtension(file), null, File.ReadAllBytes(file))));

    public IEnumerable<RawDocument> ReadDocuments()
    {
        var count = 0;
        foreach (var document in Files())
        {
            if (count++ == failAfter)
            {
                throw new ImportException("broken.json", "malformed JSON: test", 3, 7);
            }

            yield return document;
        }
    }
}
