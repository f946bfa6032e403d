using System.Text;
using System.Text.Json;
using Argus.Core.Model;
using Argus.Posture.Checks;
using Argus.Posture.Frameworks;
using Argus.Posture.Outputs;

namespace Argus.Posture.Tests;

public sealed class OutputTests(DemoScan demo) : IClassFixture<DemoScan>
{
    private IReadOnlyList<Finding> Findings => demo.Scan.Results
        .Select(r => new Finding(r, "snap-test", demo.At, demo.At, r.Status == FindingStatus.Pass ? demo.At : null))
        .ToList();

    private static JsonElement Parse(Action<Stream> write)
    {
        using var stream = new MemoryStream();
        write(stream);
        return JsonDocument.Parse(stream.ToArray()).RootElement.Clone();
    }

    [Fact]
    public void Ocsf_has_detection_findings_and_a_compliance_finding_per_requirement()
    {
        var items = Parse(s => OcsfWriter.Write(s, Findings, CheckCatalog.Default, FrameworkCatalog.Default, demo.At)).EnumerateArray().ToList();
        var detections = items.Where(i => i.GetProperty("class_uid").GetInt32() == 2004).ToList();
        var compliance = items.Where(i => i.GetProperty("class_uid").GetInt32() == 2003).ToList();
        Assert.Equal(demo.Scan.Results.Count, detections.Count);
        Assert.Equal(FrameworkCatalog.Default.All.Sum(f => f.Requirements.Count), compliance.Count);
        var imds = detections.First(d => d.GetProperty("status_code").GetString() == "FAIL" && d.GetProperty("finding_info").GetProperty("uid").GetString()!.Contains("aws.ec2.imdsv2"));
        Assert.Equal(200401, imds.GetProperty("type_uid").GetInt32());
        Assert.Equal(4, imds.GetProperty("severity_id").GetInt32());
        Assert.Equal("545951156650", imds.GetProperty("cloud").GetProperty("account").GetProperty("uid").GetString());
        Assert.Equal("optional", imds.GetProperty("resources")[0].GetProperty("data").GetProperty("HttpTokens").GetString());
        Assert.Contains(compliance, c => c.GetProperty("compliance").GetProperty("requirements")[0].GetString() == "6.7" && c.GetProperty("compliance").GetProperty("status").GetString() == "Fail");
    }

    [Fact]
    public void Sarif_lists_rules_and_open_results_only()
    {
        var sarif = Parse(s => SarifWriter.Write(s, Findings, CheckCatalog.Default));
        Assert.Equal("2.1.0", sarif.GetProperty("version").GetString());
        var run = sarif.GetProperty("runs")[0];
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(demo.Scan.Results.Count(r => r.Status != FindingStatus.Pass), results.Count);
        Assert.All(results, r => Assert.Equal(r.GetProperty("ruleId").GetString(), rules[r.GetProperty("ruleIndex").GetInt32()]));
        Assert.Contains(results, r => r.GetProperty("ruleId").GetString() == "aws.s3.public-bucket-policy" && r.GetProperty("level").GetString() == "error");
    }

    [Fact]
    public void Asff_has_the_fields_security_hub_requires()
    {
        var items = Parse(s => AsffWriter.Write(s, Findings, CheckCatalog.Default)).EnumerateArray().ToList();
        Assert.Equal(demo.Scan.Results.Count, items.Count);
        foreach (var required in new[] { "SchemaVersion", "Id", "ProductArn", "GeneratorId", "AwsAccountId", "Types", "CreatedAt", "UpdatedAt", "Severity", "Title", "Description", "Resources" })
        {
            Assert.All(items, i => Assert.True(i.TryGetProperty(required, out _), required));
        }

        var bucket = items.Single(i => i.GetProperty("GeneratorId").GetString() == "aws.s3.public-bucket-policy" && i.GetProperty("Compliance").GetProperty("Status").GetString() == "FAILED");
        Assert.Equal("AwsS3Bucket", bucket.GetProperty("Resources")[0].GetProperty("Type").GetString());
        Assert.Equal("CRITICAL", bucket.GetProperty("Severity").GetProperty("Label").GetString());
    }

    [Fact]
    public void Csv_quotes_messages_and_has_one_row_per_finding()
    {
        var text = new StringWriter();
        CsvFindingsWriter.Write(text, Findings, CheckCatalog.Default);
        var lines = text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(",", CsvFindingsWriter.Header), lines[0].TrimEnd('\r'));
        Assert.Equal(demo.Scan.Results.Count + 1, lines.Length);
        Assert.Contains(lines, l => l.StartsWith("FAIL,critical,aws.s3.public-bucket-policy,", StringComparison.Ordinal));
    }

    [Fact]
    public void Summary_counts_sections_per_account_and_failures_per_severity()
    {
        var summary = Argus.Posture.Summary.PostureSummary.Build(demo.Scan.Results, FrameworkCatalog.Default);
        Assert.Equal(demo.Scan.Results.Count(r => r.Status == FindingStatus.Fail), summary.FailuresBySeverity.Values.Sum());
        var row = summary.Rows.Single(r => r.Framework == "cis-aws-7.0" && r.Section == "6 Networking" && r.Account == "545951156650");
        Assert.True(row.Counts.Fail > 0);
        // One expired certificate (acme-prod's prod-legacy-tls) fails the requirement for the whole organization.
        var certificates = summary.Compliance.Single(c => c.Framework.Id == "cis-aws-7.0").Requirements.Single(r => r.Requirement.Id == "2.17");
        Assert.Equal(FindingStatus.Fail, certificates.Status);
    }
}
