using Argus.Aws.Operations;
using Argus.Core.Model;
using Argus.Posture.Aws;
using Argus.Posture.Engine;

namespace Argus.Posture.Checks.Logging;

/// <summary>CIS: a multi-region trail records S3 object-level read (or write) events for all buckets.</summary>
public abstract class S3DataEventsCheck : TrailCheck
{
    /// <summary>"Read" or "Write".</summary>
    protected abstract string Kind { get; }

    protected static CheckMetadata Describe(string id, string kind) => new(
        id, $"Object-level logging for S3 {kind.ToLowerInvariant()} events is enabled", Severity.Low, "cloudtrail", "aws.account",
        $"S3 object-level {kind.ToLowerInvariant()} operations (data events) are recorded only when a trail's selectors ask for them.",
        "Who read, wrote or deleted which object cannot be established after an incident.",
        new($"aws cloudtrail put-event-selectors --trail-name TRAIL --event-selectors '[{{\"ReadWriteType\":\"{kind}Only\",\"IncludeManagementEvents\":true,\"DataResources\":[{{\"Type\":\"AWS::S3::Object\",\"Values\":[\"arn:aws:s3\"]}}]}}]'",
            $"# Add EventSelectors with DataResources Type AWS::S3::Object, Values [\"arn:aws:s3\"], ReadWriteType {kind}Only or All on AWS::CloudTrail::Trail.",
            $"# Add an event_selector {{ read_write_type = \"{kind}Only\"  data_resource {{ type = \"AWS::S3::Object\"  values = [\"arn:aws:s3\"] }} }} to aws_cloudtrail."),
        ["https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-cloudtrail-logging-for-s3.html"],
        [AwsOperations.DescribeTrails, AwsOperations.GetEventSelectors]);

    protected override IEnumerable<CheckOutcome> Evaluate(PostureContext context, string account, IReadOnlyList<Trail> trails, IReadOnlyList<Lookup> missing)
    {
        if (MissingList(account, trails, missing) is { } gap)
        {
            yield return gap;
            yield break;
        }

        var recording = trails.Where(t => t.IsMultiRegion && t.RecordsS3DataEvents(Kind)).ToList();
        if (recording.Count == 0 && trails.FirstOrDefault(t => t.IsMultiRegion && t.Selectors.Missing) is { } unreadable)
        {
            yield return Missing(unreadable.Selectors, AccountArn(account), account, Regions.Global);
            yield break;
        }

        yield return Verdict(recording.Count > 0, AccountArn(account), account, Regions.Global,
            $"{recording.FirstOrDefault()?.Name} records S3 {Kind.ToLowerInvariant()} data events.", $"No multi-region trail records S3 object-level {Kind.ToLowerInvariant()} events for all buckets.",
            new { trails = trails.Select(t => new { t.Arn, t.IsMultiRegion, records = t.RecordsS3DataEvents(Kind) }) });
    }
}
