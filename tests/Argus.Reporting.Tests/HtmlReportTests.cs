using Argus.Core.Model;

namespace Argus.Reporting.Tests;

public sealed class HtmlReportTests
{
    private static ReportData Data(IReadOnlyList<CoverageGap> gaps, string bucketName = "logs") => new(
        new Snapshot("snap-1", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, SnapshotStatus.Complete, "bundle:/x", "Q4 <audit>",
            [new Scope(Provider.Aws, "111111111111", "us-east-1")], gaps, new SnapshotCounts(3, 2, 1)),
        [new Highlight("Accounts", 1)],
        [new TypeCount("aws.s3.bucket", 1, 1)],
        [new AccountRow("111111111111", "prod", "Root / Workloads", 2)],
        [],
        [new LoadBalancerRow("web", "111111111111", "us-east-1", "application", "internet-facing", "web-1.elb.amazonaws.com")],
        [new BucketRow(bucketName, "111111111111", "us-east-1")],
        []);

    [Fact]
    public void Escapes_everything_that_comes_from_cloud_data()
    {
        var html = HtmlReport.Render(Data([], bucketName: "<img src=x onerror=alert(1)>"));

        Assert.DoesNotContain("<img", html);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html);
        Assert.Contains("Q4 &lt;audit&gt;", html);
    }

    [Fact]
    public void Is_self_contained()
    {
        var html = HtmlReport.Render(Data([]));

        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("http://", html);
        Assert.DoesNotContain("<link", html);
        Assert.Contains("no coverage gaps", html);
    }

    [Fact]
    public void Coverage_gaps_name_the_missing_permission()
    {
        var gap = new CoverageGap(Provider.Aws, "111111111111", "eu-west-1", "ec2", "DescribeInstances", "ec2:DescribeInstances", GapReason.AccessDenied, "UnauthorizedOperation");

        var html = HtmlReport.Render(Data([gap]));

        Assert.Contains("1 call could not be collected", html);
        Assert.Contains("<code>ec2:DescribeInstances</code>", html);
        Assert.Contains("never PASS", html);
    }

    [Fact]
    public void Writes_the_file_atomically()
    {
        var folder = Argus.Tests.TestPaths.NewTempFolder();
        var path = Path.Combine(folder, "sub", "r.html");

        HtmlReport.WriteFile(Data([]), path);

        Assert.True(File.Exists(path));
        Assert.False(File.Exists(path + ".tmp"));
        Directory.Delete(folder, true);
    }
}
