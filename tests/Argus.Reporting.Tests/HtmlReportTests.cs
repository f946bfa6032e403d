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

    private static Finding Result(string account, string check, FindingStatus status, Severity severity, params (string Framework, string Requirement)[] refs) =>
        new(new CheckResult(check, $"arn:aws:x::{account}:{check}", Provider.Aws, account, "eu-west-1", status, severity, "msg", "{}",
            refs.Select(r => new FrameworkReference(r.Framework, r.Requirement)).ToList()), "snap-1", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, null);

    [Fact]
    public void Account_posture_counts_failures_by_severity_and_passes_a_requirement_only_when_all_its_results_pass()
    {
        Finding[] open =
        [
            Result("111111111111", "a", FindingStatus.Fail, Severity.High, ("cis-aws-7.0", "1.1")),
            Result("111111111111", "b", FindingStatus.Pass, Severity.Low, ("cis-aws-7.0", "1.1"), ("cis-aws-7.0", "1.2")),
            Result("111111111111", "c", FindingStatus.Fail, Severity.Medium),
            Result("222222222222", "b", FindingStatus.Pass, Severity.Low, ("cis-aws-7.0", "1.2")),
            Result("222222222222", "d", FindingStatus.Manual, Severity.Low, ("cis-aws-7.0", "1.3")),
            Result("222222222222", "e", FindingStatus.Fail, Severity.Critical),
        ];

        var rows = AccountPosture.Of(open, [new AccountRow("111111111111", "prod", "Root", 2), new AccountRow("333333333333", "empty", "Root", 0)]);

        Assert.Equal(["222222222222", "111111111111", "333333333333"], rows.Select(r => r.Account));
        var prod = rows[1];
        Assert.Equal("prod", prod.Name);
        Assert.Equal(1, prod.Failed[Severity.High]);
        Assert.Equal(1, prod.Failed[Severity.Medium]);
        Assert.Equal(new FrameworkPassRate("cis-aws-7.0", 1, 2), Assert.Single(prod.Frameworks));
        Assert.Equal(new FrameworkPassRate("cis-aws-7.0", 1, 2), Assert.Single(rows[0].Frameworks));
        Assert.Equal(0, rows[2].Results);
    }

    [Fact]
    public void The_account_table_links_each_account_to_its_findings()
    {
        Finding[] open = [Result("111111111111", "a", FindingStatus.Fail, Severity.High, ("cis-aws-7.0", "1.1")), Result("111111111111", "b", FindingStatus.Pass, Severity.Low, ("cis-aws-7.0", "1.2"))];
        var data = Data([]) with { Findings = open, OpenFindings = 2, AccountPosture = AccountPosture.Of(open, [new AccountRow("111111111111", "prod <x>", "Root", 2)]) };

        var html = HtmlReport.Render(data);

        Assert.Contains("<h2>Posture by account</h2>", html);
        Assert.Contains("<th>cis-aws-7.0 pass rate</th>", html);
        Assert.Contains("50% <small>(1/2)</small>", html);
        Assert.Contains("data-acct=\"111111111111\" onclick=\"showAccount(this.dataset.acct)\"", html);
        Assert.Contains("<option value=\"111111111111\">111111111111 prod &lt;x&gt;</option>", html);
        Assert.Contains("<tr data-sev=\"High\" data-st=\"Fail\" data-acct=\"111111111111\">", html);
        Assert.DoesNotContain("prod <x>", html);
    }
}
