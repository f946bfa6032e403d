using System.Formats.Tar;
using System.IO.Compression;
using Argus.Storage.Bundles;
using Argus.Tests;

namespace Argus.Storage.Tests.Bundles;

public sealed class BundleRoundTripTests : IDisposable
{
    private readonly string temp = TestPaths.NewTempFolder();

    public void Dispose() => Directory.Delete(temp, recursive: true);

    [Theory]
    [InlineData("bundle")]
    [InlineData("bundle.tar.gz")]
    [InlineData("bundle.TGZ")]
    public void A_bundle_gives_back_the_snapshot_and_byte_identical_documents(string name)
    {
        var documents = BundleSamples.Documents();
        var snapshot = BundleSamples.Snapshot(documents);
        var target = Path.Combine(temp, name);

        BundleWriter.Write(snapshot, documents, target);
        var source = BundleSource.Open(target);
        var read = source.ReadDocuments().ToList();

        Assert.Equal("bundle:" + target, source.Description);
        Assert.Equal(snapshot.Id, source.Header.Id);
        Assert.Equal(snapshot.StartedAt, source.Header.StartedAt);
        Assert.Equal(snapshot.FinishedAt, source.Header.FinishedAt);
        Assert.Equal(snapshot.Status, source.Header.Status);
        Assert.Equal(snapshot.Label, source.Header.Label);
        Assert.Equal(snapshot.Scopes, source.Header.Scopes);
        Assert.Equal(snapshot.Gaps, source.Gaps);
        Assert.Equal(snapshot.Source, source.OriginalSource);
        Assert.Equal(documents.Count, read.Count);
        foreach (var (expected, actual) in documents.Zip(read))
        {
            Assert.Equal(expected.ToString(), actual.ToString());
            Assert.Equal(expected.Json.ToArray(), actual.Json.ToArray());
        }

        Assert.Empty(source.Notices);
    }

    [Fact]
    public void Every_resource_name_becomes_one_file_name_and_names_differing_in_case_stay_apart()
    {
        var documents = BundleSamples.Documents();
        var target = Path.Combine(temp, "bundle");

        BundleWriter.Write(BundleSamples.Snapshot(documents), documents, target);

        var files = Directory.GetFiles(target, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(target, f).Replace('\\', '/')).ToList();
        Assert.Contains("manifest.json", files);
        Assert.Contains("aws/111111111111/eu-west-1/ec2/DescribeVpcs.json", files);
        Assert.Contains("aws/111111111111/eu-west-1/elbv2/DescribeTargetHealth/arn%3Aaws%3Aelasticloadbalancing%3Aeu-west-1%3A111111111111%3Atargetgroup%2Fweb%2F6d0ecf831eec9f09.json", files);
        Assert.Contains("aws/111111111111/global/s3/GetBucketPolicy/logs.example.json", files);
        Assert.Contains("aws/111111111111/global/s3/GetBucketPolicy/%2E..json", files);
        var keys = files.Where(f => f.Contains("/ListAccessKeys/", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, keys.Count);
        Assert.Equal(2, keys.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(documents.Count + 1, files.Count);
    }

    [Fact]
    public void Very_long_resource_names_are_shortened_uniquely()
    {
        var longA = "arn:aws:iam::111111111111:role/" + new string('a', 300) + "/x";
        var longB = "arn:aws:iam::111111111111:role/" + new string('a', 300) + "/y";
        var documents = new List<Core.Model.RawDocument>
        {
            new(Core.Model.Provider.Aws, "111111111111", "global", "iam", "ListAccessKeys", longA, "{}"u8.ToArray()),
            new(Core.Model.Provider.Aws, "111111111111", "global", "iam", "ListAccessKeys", longB, "{}"u8.ToArray()),
        };
        var target = Path.Combine(temp, "bundle");

        BundleWriter.Write(BundleSamples.Snapshot(documents), documents, target);

        var names = Directory.GetFiles(Path.Combine(target, "aws", "111111111111", "global", "iam", "ListAccessKeys")).Select(Path.GetFileName).ToList();
        Assert.Equal(2, names.Count);
        Assert.All(names, n => Assert.True(n!.Length <= 130, n));
        Assert.Equal([longA, longB], BundleSource.Open(target).ReadDocuments().Select(d => d.Resource).ToList());
    }

    [Fact]
    public void The_archive_holds_the_manifest_first_and_only_regular_files()
    {
        var documents = BundleSamples.Documents();
        var target = Path.Combine(temp, "bundle.tar.gz");

        BundleWriter.Write(BundleSamples.Snapshot(documents), documents, target);

        using var tar = new TarReader(new GZipStream(File.OpenRead(target), CompressionMode.Decompress));
        var entries = new List<TarEntry>();
        while (tar.GetNextEntry() is { } entry)
        {
            entries.Add(entry);
        }

        Assert.Equal("manifest.json", entries[0].Name);
        Assert.Equal(documents.Count + 1, entries.Count);
        Assert.All(entries, e => Assert.Equal(TarEntryType.RegularFile, e.EntryType));
        Assert.Equal([target], Directory.GetFileSystemEntries(temp));
    }

    [Fact]
    public void An_empty_snapshot_round_trips()
    {
        var target = Path.Combine(temp, "empty.tgz");

        BundleWriter.Write(BundleSamples.Snapshot([]), [], target);

        Assert.Empty(BundleSource.Open(target).ReadDocuments());
    }

    [Fact]
    public void Reading_twice_gives_the_same_documents()
    {
        var documents = BundleSamples.Documents();
        var target = Path.Combine(temp, "bundle.tar.gz");
        BundleWriter.Write(BundleSamples.Snapshot(documents), documents, target);
        var source = BundleSource.Open(target);

        Assert.Equal(source.ReadDocuments().Select(d => d.ToString()), source.ReadDocuments().Select(d => d.ToString()));
    }
}
