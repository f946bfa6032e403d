using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using Argus.Core.Model;

namespace Argus.Storage.Tests.Bundles;

/// <summary>A small snapshot with per-resource documents, gaps and scopes, and a way to write arbitrary archives.</summary>
internal static class BundleSamples
{
    public const string TargetGroupArn = "arn:aws:elasticloadbalancing:eu-west-1:111111111111:targetgroup/web/6d0ecf831eec9f09";

    public static List<RawDocument> Documents() =>
    [
        Doc("111111111111", "eu-west-1", "ec2", "DescribeVpcs", null, """{"Vpcs":[{"VpcId":"vpc-1","OwnerId":"111111111111"}]}"""),
        Doc("111111111111", "eu-west-1", "ec2", "DescribeSecurityGroups", null, "{\n  \"SecurityGroups\": [ { \"GroupName\": \"défaut ☃\" } ]\n}\n"),
        Doc("111111111111", "eu-west-1", "elbv2", "DescribeTargetHealth", TargetGroupArn, """{"TargetHealthDescriptions":[]}"""),
        Doc("111111111111", Regions.Global, "s3", "GetBucketPolicy", "logs.example", """{"Policy":"{\"Version\":\"2012-10-17\"}"}"""),
        Doc("111111111111", Regions.Global, "s3", "GetBucketPolicy", "..", """{"Policy":"{}"}"""),
        Doc("111111111111", Regions.Global, "iam", "ListAccessKeys", "Alice", """{"AccessKeyMetadata":[]}"""),
        Doc("111111111111", Regions.Global, "iam", "ListAccessKeys", "alice", """{"AccessKeyMetadata":[{"UserName":"alice"}]}"""),
        Doc("222222222222", "us-east-1", "ec2", "DescribeVpcs", null, """{"Vpcs":[]}"""),
    ];

    public static Snapshot Snapshot(IReadOnlyCollection<RawDocument> documents) => new(
        "snap-20261125T083100Z-3f9a1c",
        new DateTimeOffset(2026, 11, 25, 8, 31, 0, TimeSpan.Zero),
        new DateTimeOffset(2026, 11, 25, 8, 33, 12, 500, TimeSpan.Zero),
        SnapshotStatus.Cancelled,
        "aws-cli:/audits/acme",
        "audit 2026-Q4",
        [new Scope(Provider.Aws, "111111111111", "eu-west-1"), new Scope(Provider.Aws, "111111111111", Regions.Global), new Scope(Provider.Aws, "222222222222", "us-east-1")],
        [new CoverageGap(Provider.Aws, "222222222222", "us-east-1", "ec2", "DescribeInstances", "ec2:DescribeInstances", GapReason.AccessDenied, "User is not authorized to perform ec2:DescribeInstances")],
        new SnapshotCounts(documents.Count, 0, 0));

    /// <summary>Writes the sample snapshot as a bundle folder named <c>bundle</c> in <paramref name="parent"/>, and returns its path.</summary>
    public static string WriteFolder(string parent)
    {
        var folder = Path.Combine(parent, "bundle");
        var documents = Documents();
        Argus.Storage.Bundles.BundleWriter.Write(Snapshot(documents), documents, folder);
        return folder;
    }

    /// <summary>A .tar.gz of the given entries, in order, exactly as given (names are not checked).</summary>
    public static void WriteArchive(string path, IEnumerable<TarEntry> entries)
    {
        using var file = System.IO.File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        using var tar = new TarWriter(gzip, TarEntryFormat.Pax);
        foreach (var entry in entries)
        {
            tar.WriteEntry(entry);
        }
    }

    public static PaxTarEntry File(string name, byte[] data) => new(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(data) };

    public static PaxTarEntry File(string name, string text) => File(name, Encoding.UTF8.GetBytes(text));

    /// <summary>The entries of a bundle folder in the order a writer would pack them: manifest first.</summary>
    public static List<TarEntry> EntriesOf(string folder)
    {
        var manifest = Path.Combine(folder, "manifest.json");
        return Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => f != manifest)
            .Order(StringComparer.Ordinal)
            .Prepend(manifest)
            .Select(f => (TarEntry)File(Path.GetRelativePath(folder, f).Replace(Path.DirectorySeparatorChar, '/'), System.IO.File.ReadAllBytes(f)))
            .ToList();
    }

    private static RawDocument Doc(string account, string region, string service, string operation, string? resource, string json) =>
        new(Provider.Aws, account, region, service, operation, resource, Encoding.UTF8.GetBytes(json));
}
