using System.Text.Json;
using Argus.Aws.Operations;
using Argus.Core.Json;
using Argus.Core.Model;
using Argus.Posture.Aws;
using Argus.Posture.Engine;

namespace Argus.Posture.Checks.Services;

/// <summary>Active SES receipt rules scan mail for spam and viruses and require TLS.</summary>
public sealed class SesReceiptRulesCheck : RegionalListCheck
{
    public override CheckMetadata Metadata { get; } = new(
        "aws.ses.receipt-rules", "SES receipt rules scan mail and require TLS", Severity.Low, "ses", "aws.ses.receipt-rule",
        "Receipt rules decide what happens to mail SES receives; ScanEnabled adds spam and virus scanning, TlsPolicy Require refuses unencrypted delivery.",
        "Unscanned mail delivered to S3, Lambda or SNS can carry malware into automated pipelines.",
        new("aws ses update-receipt-rule --rule-set-name SET --rule '{\"Name\":\"RULE\",\"ScanEnabled\":true,\"TlsPolicy\":\"Require\",...}'",
            "# Set ScanEnabled: true and TlsPolicy: Require on the AWS::SES::ReceiptRule.",
            "# Set scan_enabled = true and tls_policy = \"Require\" on aws_ses_receipt_rule."),
        ["https://docs.aws.amazon.com/ses/latest/dg/receiving-email-receipt-rules-console-walkthrough.html"],
        [AwsOperations.DescribeActiveReceiptRuleSet], ServiceReasons.Beyond);

    protected override AwsOperation Source => AwsOperations.DescribeActiveReceiptRuleSet;

    // The answer is the rule set (Metadata) and its Rules, not a paginated list, so the operation declares no item key.
    protected override IEnumerable<JsonElement> ItemsOf(Lookup lookup) => lookup.Found ? lookup.Root.GetArray("Rules") : [];

    protected override CheckOutcome? Evaluate(PostureContext context, string account, string region, JsonElement rule)
    {
        var name = rule.GetString("Name") ?? "";
        var scan = rule.GetBool("ScanEnabled") == true;
        var tls = rule.GetString("TlsPolicy");
        var problems = new[] { scan ? null : "no spam/virus scanning", tls == "Require" ? null : "TLS optional" }.OfType<string>().ToList();
        return Verdict(problems.Count == 0, $"arn:aws:ses:{region}:{account}:receipt-rule/{name}", account, region,
            $"Receipt rule {name} scans mail and requires TLS.", $"Receipt rule {name}: {string.Join(", ", problems)}.", new { Name = name, ScanEnabled = scan, TlsPolicy = tls });
    }
}
