using System.Text.Json;
using Argus.Aws.Operations;
using Argus.Core.Json;
using Argus.Core.Model;
using Argus.Posture.Aws;
using Argus.Posture.Engine;

namespace Argus.Posture.Checks.Services;

/// <summary>Resources Amazon Inspector knows about are actively scanned (coverage status ACTIVE).</summary>
public sealed class InspectorCoverageCheck : RegionalListCheck
{
    public override CheckMetadata Metadata { get; } = new(
        "aws.inspector2.coverage", "Amazon Inspector actively scans its resources", Severity.Medium, "inspector2", "aws.inspector2.covered-resource",
        "Inspector lists every EC2 instance, ECR image and Lambda function it should scan with a scan status; anything but ACTIVE is a gap (no SSM agent, unsupported OS, ...).",
        "Vulnerabilities on resources Inspector cannot scan go unreported while the console looks green.",
        new("aws inspector2 list-coverage --filter-criteria '{\"scanStatusCode\":[{\"comparison\":\"EQUALS\",\"value\":\"INACTIVE\"}]}' and fix the reason given (install or register the SSM agent, ...)",
            "# Ensure instances have the SSM agent and an instance profile with AmazonSSMManagedInstanceCore.",
            "# Ensure instances have the SSM agent and an instance profile with AmazonSSMManagedInstanceCore."),
        ["https://docs.aws.amazon.com/inspector/latest/user/scanning-resources.html"],
        [AwsOperations.ListCoverage], ServiceReasons.Beyond);

    protected override AwsOperation Source => AwsOperations.ListCoverage;

    protected override CheckOutcome? Evaluate(PostureContext context, string account, string region, JsonElement item)
    {
        var id = item.GetString("resourceId") ?? "";
        var status = item.GetObject("scanStatus");
        var code = status?.GetString("statusCode");
        return Verdict(code == "ACTIVE", id, item.GetString("accountId") ?? account, region,
            $"{item.GetString("resourceType")} {id} is scanned.", $"{item.GetString("resourceType")} {id} is not scanned: {status?.GetString("reason") ?? code}.",
            new { resourceId = id, resourceType = item.GetString("resourceType"), statusCode = code, reason = status?.GetString("reason") });
    }
}
