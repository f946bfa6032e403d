using System.Text.Json;
using Argus.Core.Model;
using Argus.Posture.Checks;

namespace Argus.Posture.Outputs;

/// <summary>
/// AWS Security Finding Format (2018-10-08), a JSON array that <c>aws securityhub batch-import-findings</c> accepts
/// (in batches of 100), using the account's default product ARN.
/// </summary>
public static class AsffWriter
{
    public static void Write(Stream stream, IEnumerable<Finding> findings, CheckCatalog checks)
    {
        using var w = JsonOutput.Open(stream);
        w.WriteStartArray();
        foreach (var f in findings)
        {
            var r = f.Result;
            var meta = checks.Find(r.CheckId)?.Metadata;
            var region = r.Region == Regions.Global ? "us-east-1" : r.Region;
            w.WriteStartObject();
            w.WriteString("SchemaVersion", "2018-10-08");
            w.WriteString("Id", $"argus/{r.CheckId}/{r.ResourceId}");
            w.WriteString("ProductArn", $"arn:aws:securityhub:{region}:{r.Account}:product/{r.Account}/default");
            w.WriteString("GeneratorId", r.CheckId);
            w.WriteString("AwsAccountId", r.Account);
            JsonOutput.Strings(w, "Types", [r.Frameworks.Any(x => x.Framework.StartsWith("cis-", StringComparison.Ordinal))
                ? "Software and Configuration Checks/Industry and Regulatory Standards/CIS AWS Foundations Benchmark"
                : "Software and Configuration Checks/AWS Security Best Practices"]);
            w.WriteString("CreatedAt", f.FirstSeen.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'"));
            w.WriteString("UpdatedAt", f.LastSeen.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'"));
            w.WriteStartObject("Severity");
            w.WriteString("Label", r.Status == FindingStatus.Pass ? "INFORMATIONAL" : r.Severity == Severity.Informational ? "INFORMATIONAL" : r.Severity.ToString().ToUpperInvariant());
            w.WriteEndObject();
            w.WriteString("Title", meta?.Title ?? r.CheckId);
            w.WriteString("Description", Truncate($"{r.Message} {meta?.Risk}".Trim(), 1024));
            if (meta is not null)
            {
                w.WriteStartObject("Remediation");
                w.WriteStartObject("Recommendation");
                w.WriteString("Text", Truncate(meta.Remediation.Cli, 512));
                if (meta.References.FirstOrDefault() is { } url)
                {
                    w.WriteString("Url", url);
                }

                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteStartArray("Resources");
            w.WriteStartObject();
            w.WriteString("Type", AsffType(meta?.ResourceType));
            w.WriteString("Id", r.ResourceId);
            w.WriteString("Partition", "aws");
            w.WriteString("Region", region);
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteStartObject("Compliance");
            w.WriteString("Status", r.Status switch
            {
                FindingStatus.Pass => "PASSED",
                FindingStatus.Fail or FindingStatus.Muted => "FAILED",
                FindingStatus.Manual => "WARNING",
                _ => "NOT_AVAILABLE",
            });
            JsonOutput.Strings(w, "RelatedRequirements", r.Frameworks.Select(x => $"{x.Framework} {x.Requirement}"));
            w.WriteEndObject();
            w.WriteString("RecordState", f.ResolvedAt is null ? "ACTIVE" : "ARCHIVED");
            w.WriteStartObject("Workflow");
            w.WriteString("Status", r.Status == FindingStatus.Muted ? "SUPPRESSED" : f.ResolvedAt is null ? "NEW" : "RESOLVED");
            w.WriteEndObject();
            w.WriteStartObject("ProductFields");
            w.WriteString("argus/status", OutputNames.Status(r.Status));
            w.WriteString("argus/snapshot", f.LastSnapshotId);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    // ASFF resource types for the resource types Argus reports; anything else is "Other".
    private static string AsffType(string? type) => type switch
    {
        "aws.ec2.instance" => "AwsEc2Instance",
        "aws.ec2.security-group" => "AwsEc2SecurityGroup",
        "aws.ec2.volume" => "AwsEc2Volume",
        "aws.ec2.vpc" => "AwsEc2Vpc",
        "aws.ec2.network-acl" => "AwsEc2NetworkAcl",
        "aws.s3.bucket" => "AwsS3Bucket",
        "aws.iam.user" => "AwsIamUser",
        "aws.rds.db-instance" => "AwsRdsDbInstance",
        "aws.kms.key" => "AwsKmsKey",
        "aws.cloudtrail.trail" => "AwsCloudTrailTrail",
        "aws.efs.file-system" => "AwsEfsFileSystem",
        "aws.account" => "AwsAccount",
        _ => "Other",
    };
}
