using Argus.Aws.Operations;
using Argus.Core.Json;
using Argus.Core.Model;
using Argus.Posture.Engine;

namespace Argus.Posture.Checks.Logging;

/// <summary>
/// CIS: AWS Config is enabled in every region: a recorder recording all supported resources, running with a
/// successful last status. (Global resource types need recording in one region only; that is reported as evidence.)
/// </summary>
public sealed class ConfigEnabledCheck : RegionalCheck
{
    public override CheckMetadata Metadata { get; } = new(
        "aws.config.enabled", "AWS Config records all resources in every region", Severity.Medium, "config", "aws.region",
        "AWS Config keeps the configuration history of resources: what changed, when, and how resources relate.",
        "Without it, investigating an incident or proving compliance at a past date is guesswork.",
        new("aws configservice put-configuration-recorder --configuration-recorder name=default,roleARN=ROLE --recording-group allSupported=true,includeGlobalResourceTypes=true && aws configservice start-configuration-recorder --configuration-recorder-name default",
            """
            Recorder:
              Type: AWS::Config::ConfigurationRecorder
              Properties: { RoleARN: !GetAtt ConfigRole.Arn, RecordingGroup: { AllSupported: true, IncludeGlobalResourceTypes: true } }
            """,
            """
            resource "aws_config_configuration_recorder" "this" {
              role_arn = aws_iam_role.config.arn
              recording_group { all_supported = true  include_global_resource_types = true }
            }
            """),
        ["https://docs.aws.amazon.com/config/latest/developerguide/stop-start-recorder.html"],
        [AwsOperations.DescribeConfigurationRecorders, AwsOperations.DescribeConfigurationRecorderStatus]);

    protected override AwsOperation Source => AwsOperations.DescribeConfigurationRecorders;

    protected override string ScopeResource(string account, string region) => RegionalId("config", account, region, "recorder");

    protected override IEnumerable<CheckOutcome> Evaluate(PostureContext context, string account, string region, Lookup lookup)
    {
        var status = context.Get(account, region, AwsOperations.DescribeConfigurationRecorderStatus);
        if (status.Missing)
        {
            yield return Missing(status, ScopeResource(account, region), account, region);
            yield break;
        }

        var recorders = PostureContext.Items(lookup).Select(r => new
        {
            name = r.GetString("name"),
            allSupported = r.GetObject("recordingGroup")?.GetBool("allSupported") == true,
            includeGlobalResourceTypes = r.GetObject("recordingGroup")?.GetBool("includeGlobalResourceTypes") == true,
        }).ToList();
        var statuses = PostureContext.Items(status).Select(s => new { name = s.GetString("name"), recording = s.GetBool("recording") == true, lastStatus = s.GetString("lastStatus") }).ToList();
        var good = recorders.Where(r => r.allSupported && statuses.Any(s => s.name == r.name && s.recording && s.lastStatus is null or "SUCCESS" or "PENDING")).ToList();
        var why = recorders.Count == 0 ? "no configuration recorder" : "no recorder records all supported resources and is running successfully";
        yield return Verdict(good.Count > 0, ScopeResource(account, region), account, region,
            $"Config records all resources in {region}.", $"AWS Config in {region}: {why}.", new { recorders, statuses });
    }
}
