using System.Text.Json;
using Argus.Aws.Operations;
using Argus.Core.Json;
using Argus.Core.Model;

namespace Argus.Posture.Checks.Networking;

/// <summary>CIS: instances require IMDSv2 (MetadataOptions.HttpTokens = required, or the metadata service is off).</summary>
public sealed class ImdsV2Check : InstanceCheck
{
    public override CheckMetadata Metadata { get; } = new(
        "aws.ec2.imdsv2", "EC2 instances require IMDSv2", Severity.High, "ec2", "aws.ec2.instance",
        "IMDSv1 answers plain GET requests, so a server-side request forgery in an application can read the instance role's credentials.",
        "SSRF in any web application on the instance leaks its AWS credentials (the Capital One breach pattern).",
        new("aws ec2 modify-instance-metadata-options --instance-id ID --http-tokens required --http-endpoint enabled",
            "# Set MetadataOptions: { HttpTokens: required } in the AWS::EC2::LaunchTemplate (or instance).",
            "# Set metadata_options { http_tokens = \"required\" } on aws_instance or aws_launch_template."),
        ["https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-IMDS-existing-instances.html"],
        [AwsOperations.DescribeInstances]);

    protected override CheckOutcome Evaluate(JsonElement instance, ItemRef item)
    {
        var options = instance.GetObject("MetadataOptions");
        var tokens = options?.GetString("HttpTokens");
        var endpoint = options?.GetString("HttpEndpoint");
        var safe = tokens == "required" || endpoint == "disabled";
        return Verdict(safe, item.Arn, item.Account, item.Region,
            $"{item.Id} requires IMDSv2.", $"{item.Label} allows IMDSv1 (HttpTokens {tokens ?? "unset"}).",
            new { InstanceId = item.Id, HttpTokens = tokens, HttpEndpoint = endpoint, State = options?.GetString("State") }, item.Tags);
    }
}
