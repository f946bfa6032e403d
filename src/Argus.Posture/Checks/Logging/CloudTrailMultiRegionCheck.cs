using Argus.Aws.Operations;
using Argus.Core.Model;
using Argus.Posture.Aws;
using Argus.Posture.Engine;

namespace Argus.Posture.Checks.Logging;

/// <summary>CIS: at least one multi-region trail is logging and records all management events (read and write).</summary>
public sealed class CloudTrailMultiRegionCheck : TrailCheck
{
    public override CheckMetadata Metadata { get; } = new(
        "aws.cloudtrail.multi-region", "A multi-region CloudTrail trail logs all management events", Severity.High, "cloudtrail", "aws.account",
        "A multi-region trail records API activity in every region, including regions nobody uses, and global service events.",
        "Activity in an unwatched region, or writes a trail filters out, leaves no audit record.",
        new("aws cloudtrail create-trail --name org-trail --s3-bucket-name BUCKET --is-multi-region-trail && aws cloudtrail start-logging --name org-trail",
            """
            Trail:
              Type: AWS::CloudTrail::Trail
              Properties: { IsLogging: true, IsMultiRegionTrail: true, IncludeGlobalServiceEvents: true, EnableLogFileValidation: true, S3BucketName: !Ref LogBucket }
            """,
            """
            resource "aws_cloudtrail" "this" {
              name                          = "org-trail"
              s3_bucket_name                = aws_s3_bucket.logs.id
              is_multi_region_trail         = true
              include_global_service_events = true
              enable_log_file_validation    = true
            }
            """),
        ["https://docs.aws.amazon.com/awscloudtrail/latest/userguide/receive-cloudtrail-log-files-from-multiple-regions.html"],
        [AwsOperations.DescribeTrails, AwsOperations.GetTrailStatus, AwsOperations.GetEventSelectors]);

    protected override IEnumerable<CheckOutcome> Evaluate(PostureContext context, string account, IReadOnlyList<Trail> trails, IReadOnlyList<Lookup> missing)
    {
        if (MissingList(account, trails, missing) is { } gap)
        {
            yield return gap;
            yield break;
        }

        var multi = trails.Where(t => t.IsMultiRegion).ToList();
        var good = multi.Where(t => t.IsLogging && t.RecordsAllManagementEvents).ToList();
        if (good.Count > 0)
        {
            yield return Pass(AccountArn(account), account, Regions.Global, $"{good[0].Name} logs all management events in every region.", new { trails = good.Select(t => t.Arn) });
            yield break;
        }

        // A multi-region trail whose status or selectors were not readable cannot be judged either way.
        var unreadable = multi.FirstOrDefault(t => t.Status.Missing || t.Selectors.Missing);
        if (unreadable is not null)
        {
            var lookup = unreadable.Status.Missing ? unreadable.Status : unreadable.Selectors;
            yield return Missing(lookup, AccountArn(account), account, Regions.Global);
            yield break;
        }

        var why = multi.Count == 0 ? "no multi-region trail" : string.Join("; ", multi.Select(t => $"{t.Name}: {(t.IsLogging ? "" : "not logging ")}{(t.RecordsAllManagementEvents ? "" : "not all management events")}".Trim()));
        yield return Fail(AccountArn(account), account, Regions.Global, $"No multi-region trail records all management events ({why}).",
            new { trails = trails.Select(t => new { t.Arn, t.IsMultiRegion, t.IsLogging, t.RecordsAllManagementEvents }) });
    }
}
