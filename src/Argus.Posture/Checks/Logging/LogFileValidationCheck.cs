using Argus.Core.Json;
using Argus.Core.Model;
using Argus.Posture.Aws;
using Argus.Posture.Engine;

namespace Argus.Posture.Checks.Logging;

/// <summary>CIS: CloudTrail log file validation is enabled on every trail.</summary>
public sealed class LogFileValidationCheck : TrailPropertyCheck
{
    public override CheckMetadata Metadata { get; } = new(
        "aws.cloudtrail.log-file-validation", "CloudTrail log file validation is enabled", Severity.Medium, "cloudtrail", "aws.cloudtrail.trail",
        "Validation writes signed digest files so that changed or deleted log files can be detected.",
        "An intruder can edit or remove log files without it being provable.",
        new("aws cloudtrail update-trail --name TRAIL --enable-log-file-validation",
            "# Set EnableLogFileValidation: true on AWS::CloudTrail::Trail.",
            "# Set enable_log_file_validation = true on aws_cloudtrail."),
        ["https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-validation-enabling.html"],
        TrailList);

    protected override CheckOutcome Evaluate(PostureContext context, string account, Trail trail)
    {
        var on = trail.Item.GetBool("LogFileValidationEnabled") == true;
        return Verdict(on, trail.Arn, account, trail.HomeRegion, $"{trail.Name} validates its log files.", $"{trail.Name} does not validate its log files.", new { trail.Arn, LogFileValidationEnabled = on });
    }
}
