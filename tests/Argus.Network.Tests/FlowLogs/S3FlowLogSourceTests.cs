using Amazon.Runtime;
using Argus.Core.Model;
using Argus.Core.Permissions;
using Argus.Network.FlowLogs;
using Argus.Network.FlowLogs.Attribution;
using Argus.Network.FlowLogs.Sources;
using Argus.Tests;

namespace Argus.Network.Tests.FlowLogs;

public sealed class S3FlowLogSourceTests
{
    private const string Day = "AWSLogs/554773406868/vpcflowlogs/us-east-2/2020/03/03/";
    private static readonly BasicAWSCredentials Keys = new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");

    [Fact]
    public void Lists_every_page_reads_gzip_objects_and_reports_bad_ones()
    {
        using var s3 = new FakeS3("acme-flow-logs", "us-east-2");
        var gz = File.ReadAllBytes(TestPaths.Fixture("flow-logs", "v5-custom.log.gz"));
        s3.Put(Day + "554773406868_vpcflowlogs_us-east-2_fl-1_20200303T0300Z_aaaa.log.gz", gz);
        s3.Put(Day + "554773406868_vpcflowlogs_us-east-2_fl-1_20200303T0305Z_bbbb.log.gz", gz[..(gz.Length / 2)]);
        s3.Put(Day + "554773406868_vpcflowlogs_us-east-2_fl-1_20200303T0310Z_cccc.log.gz", gz);
        s3.Put(Day + "notes.txt", "not a log"u8.ToArray());
        s3.Denied.Add(Day + "554773406868_vpcflowlogs_us-east-2_fl-1_20200303T0310Z_cccc.log.gz");
        var source = new S3FlowLogSource(S3Location.Parse("s3://acme-flow-logs/AWSLogs/554773406868/vpcflowlogs/"), Keys, "us-east-2", s3.Endpoint);

        var report = RuleUsageAnalysis.Run(Fixtures.NatGateway(), source, new RuleUsageOptions { MinimumWindow = TimeSpan.Zero });

        Assert.Equal(3, report.Sources.Count);
        Assert.Equal(25, report.Sources[0].Records);
        Assert.Contains(report.Sources[1].Problems, p => p.Contains("truncated", StringComparison.Ordinal));
        Assert.Contains(report.Sources[2].Problems, p => p.Contains("Access Denied", StringComparison.Ordinal));
        Assert.StartsWith("s3://acme-flow-logs/AWSLogs/", report.Sources[0].Source);
        Assert.Contains(s3.Requests, r => r.Contains("location", StringComparison.Ordinal) && r.StartsWith("GET /acme-flow-logs", StringComparison.Ordinal));
        Assert.Equal(2, s3.Requests.Count(r => r.Contains("list-type=2", StringComparison.Ordinal)));
        Assert.True(report.Rules.Single(r => r.Rule.Key == "sg-0253af84ae6485905/ingress/tcp/22-22/0.0.0.0/0").Hits >= 3);
    }

    [Fact]
    public void Objects_of_days_before_since_are_not_read()
    {
        using var s3 = new FakeS3("acme-flow-logs", "us-east-2");
        var gz = File.ReadAllBytes(TestPaths.Fixture("flow-logs", "v5-custom.log.gz"));
        s3.Put("AWSLogs/554773406868/vpcflowlogs/us-east-2/2020/03/01/a.log.gz", gz);
        s3.Put(Day + "b.log.gz", gz);
        var source = new S3FlowLogSource(S3Location.Parse("s3://acme-flow-logs/AWSLogs/"), Keys, "us-east-2", s3.Endpoint,
            since: new DateTimeOffset(2020, 3, 2, 12, 0, 0, TimeSpan.Zero));

        var inputs = source.Inputs(CancellationToken.None).ToList();

        Assert.Equal(["s3://acme-flow-logs/" + Day + "b.log.gz"], inputs.Select(i => i.Name));
        Assert.Equal(1, source.SkippedBySince);
        Assert.DoesNotContain(s3.Requests, r => r.Contains("2020/03/01/a.log.gz", StringComparison.Ordinal) && !r.Contains("list-type", StringComparison.Ordinal));
    }

    [Fact]
    public void Actions_missing_from_the_catalog_are_never_sent()
    {
        using var s3 = new FakeS3("acme-flow-logs", "us-east-2");
        var source = new S3FlowLogSource(S3Location.Parse("s3://acme-flow-logs/"), Keys, "us-east-2", s3.Endpoint, catalog: new EmptyCatalog());

        var e = Assert.Throws<PermissionDeniedByCatalogException>(() => source.Inputs(CancellationToken.None).ToList());

        Assert.Equal("s3:GetBucketLocation", e.Action);
        Assert.Empty(s3.Requests);
    }

    [Theory]
    [InlineData("s3://")]
    [InlineData("s3://Bad_Bucket/x")]
    [InlineData("https://bucket/x")]
    public void Bad_locations_are_refused(string url) =>
        Assert.Throws<Argus.Core.Import.ImportException>(() => S3Location.Parse(url));

    private sealed class EmptyCatalog : IPermissionCatalog
    {
        public IReadOnlyList<Permission> All => [];

        public Permission? Find(Provider provider, string action) => null;
    }
}
