using Argus.Aws.Operations;
using Argus.Core.Json;
using Argus.Core.Model;
using Argus.Posture.Engine;

namespace Argus.Posture.Checks.Iam;

/// <summary>CIS: an active IAM Access Analyzer (external access) exists in every region.</summary>
public sealed class AccessAnalyzerCheck : RegionalCheck
{
    public override CheckMetadata Metadata { get; } = new(
        "aws.accessanalyzer.enabled", "IAM Access Analyzer is enabled in every region", Severity.Medium, "accessanalyzer", "aws.region",
        "Access Analyzer finds resources (buckets, keys, roles, queues...) shared outside the account; it only sees its own region.",
        "Unintended cross-account or public access in a region without an analyzer goes unnoticed.",
        new("aws accessanalyzer create-analyzer --analyzer-name default --type ACCOUNT --region REGION",
            """
            Analyzer:
              Type: AWS::AccessAnalyzer::Analyzer
              Properties: { Type: ACCOUNT }
            """,
            """
            resource "aws_accessanalyzer_analyzer" "default" {
              analyzer_name = "default"
              type          = "ACCOUNT"
            }
            """),
        ["https://docs.aws.amazon.com/IAM/latest/UserGuide/what-is-access-analyzer.html"],
        [AwsOperations.ListAnalyzers]);

    protected override AwsOperation Source => AwsOperations.ListAnalyzers;

    protected override IEnumerable<CheckOutcome> Evaluate(PostureContext context, string account, string region, Lookup lookup)
    {
        var analyzers = PostureContext.Items(lookup).Select(a => new { name = a.GetString("name"), type = a.GetString("type"), status = a.GetString("status") }).ToList();
        var active = analyzers.Any(a => a.status == "ACTIVE" && a.type is not null && !a.type.Contains("UNUSED", StringComparison.Ordinal));
        yield return Verdict(active, RegionalId("access-analyzer", account, region, "analyzers"), account, region,
            $"An active analyzer watches {region}.", $"No active external-access analyzer in {region}.", new { analyzers });
    }
}
