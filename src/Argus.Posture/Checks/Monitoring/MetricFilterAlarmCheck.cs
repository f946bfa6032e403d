using System.Text.Json;
using Argus.Aws.Operations;
using Argus.Core.Json;
using Argus.Core.Model;
using Argus.Posture.Aws;
using Argus.Posture.Engine;
using Argus.Posture.Checks.Logging;

namespace Argus.Posture.Checks.Monitoring;

/// <summary>
/// CIS monitoring, one instance per <see cref="MonitoredPattern"/>: an active multi-region trail that records all
/// management events delivers to a CloudWatch Logs group; a metric filter on that group matches the pattern; an alarm
/// on the filter's metric notifies an SNS topic; the topic has at least one confirmed subscription. The evidence
/// says which link of that chain is missing.
/// </summary>
public sealed class MetricFilterAlarmCheck(MonitoredPattern pattern) : TrailCheck
{
    public MonitoredPattern Pattern { get; } = pattern;

    public override CheckMetadata Metadata { get; } = new(
        $"aws.cloudwatch.alarm.{pattern.Slug}", $"A metric filter and alarm exist for {pattern.Subject}", Severity.Low, "cloudwatch", "aws.account",
        $"CloudTrail events for {pattern.Subject} are turned into a metric by a metric filter on the trail's log group, with an alarm that notifies a subscribed SNS topic.",
        $"{char.ToUpperInvariant(pattern.Subject[0])}{pattern.Subject[1..]} would go unnoticed until someone reads the logs.",
        new($"aws logs put-metric-filter --log-group-name TRAIL_LOG_GROUP --filter-name {pattern.Slug} --metric-transformations metricName={pattern.Slug},metricNamespace=CISBenchmark,metricValue=1 --filter-pattern '{pattern.Pattern}' && aws cloudwatch put-metric-alarm --alarm-name {pattern.Slug} --metric-name {pattern.Slug} --namespace CISBenchmark --statistic Sum --period 300 --threshold 1 --comparison-operator GreaterThanOrEqualToThreshold --evaluation-periods 1 --alarm-actions TOPIC_ARN",
            $$"""
            Filter:
              Type: AWS::Logs::MetricFilter
              Properties:
                LogGroupName: TRAIL_LOG_GROUP
                FilterPattern: '{{pattern.Pattern}}'
                MetricTransformations: [{ MetricName: {{pattern.Slug}}, MetricNamespace: CISBenchmark, MetricValue: "1" }]
            Alarm:
              Type: AWS::CloudWatch::Alarm
              Properties: { MetricName: {{pattern.Slug}}, Namespace: CISBenchmark, Statistic: Sum, Period: 300, Threshold: 1, EvaluationPeriods: 1, ComparisonOperator: GreaterThanOrEqualToThreshold, AlarmActions: [TOPIC_ARN] }
            """,
            $$"""
            resource "aws_cloudwatch_log_metric_filter" "{{pattern.Slug}}" {
              name           = "{{pattern.Slug}}"
              log_group_name = "TRAIL_LOG_GROUP"
              pattern        = "{{pattern.Pattern.Replace("\"", "\\\"", StringComparison.Ordinal)}}"
              metric_transformation { name = "{{pattern.Slug}}"  namespace = "CISBenchmark"  value = "1" }
            }
            resource "aws_cloudwatch_metric_alarm" "{{pattern.Slug}}" {
              alarm_name = "{{pattern.Slug}}"  metric_name = "{{pattern.Slug}}"  namespace = "CISBenchmark"
              statistic = "Sum"  period = 300  threshold = 1  evaluation_periods = 1
              comparison_operator = "GreaterThanOrEqualToThreshold"  alarm_actions = [TOPIC_ARN]
            }
            """),
        ["https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudwatch-alarms-for-cloudtrail.html"],
        [AwsOperations.DescribeTrails, AwsOperations.GetTrailStatus, AwsOperations.GetEventSelectors, AwsOperations.DescribeMetricFilters, AwsOperations.DescribeAlarms, AwsOperations.ListSubscriptions]);

    protected override IEnumerable<CheckOutcome> Evaluate(PostureContext context, string account, IReadOnlyList<Trail> trails, IReadOnlyList<Lookup> missing)
    {
        if (MissingList(account, trails, missing) is { } gap)
        {
            yield return gap;
            yield break;
        }

        var resource = $"{AccountArn(account)}/monitoring/{Pattern.Slug}";
        var candidates = trails.Where(t => t.IsMultiRegion && t.IsLogging && t.RecordsAllManagementEvents).ToList();
        var delivering = candidates.Where(t => t.LogGroupName is not null).ToList();
        if (delivering.Count == 0)
        {
            var why = candidates.Count == 0
                ? "no active multi-region trail records all management events"
                : $"{string.Join(", ", candidates.Select(t => t.Name))} does not deliver to CloudWatch Logs";
            yield return Fail(resource, account, Regions.Global, $"No alarm for {Pattern.Subject}: {why}.", new { step = "trail", trails = trails.Select(t => new { t.Arn, t.IsMultiRegion, t.IsLogging, t.LogGroupArn }) });
            yield break;
        }

        var steps = new List<object>();
        foreach (var trail in delivering)
        {
            var region = trail.LogGroupArn!.Split(':')[3];
            var filters = context.Get(account, region, AwsOperations.DescribeMetricFilters);
            if (filters.Missing)
            {
                yield return Missing(filters, resource, account, region);
                yield break;
            }

            var metrics = PostureContext.Items(filters)
                .Where(f => f.GetString("logGroupName") == trail.LogGroupName && Pattern.Matches(f.GetString("filterPattern") ?? ""))
                .SelectMany(f => f.GetArray("metricTransformations").Select(m => (Filter: f.GetString("filterName"), Name: m.GetString("metricName"), Namespace: m.GetString("metricNamespace"))))
                .ToList();
            if (metrics.Count == 0)
            {
                steps.Add(new { trail = trail.Arn, logGroup = trail.LogGroupName, step = "metric filter", found = "no filter on the log group matches the pattern" });
                continue;
            }

            var alarms = context.Get(account, region, AwsOperations.DescribeAlarms);
            if (alarms.Missing)
            {
                yield return Missing(alarms, resource, account, region);
                yield break;
            }

            var topics = PostureContext.Items(alarms)
                .Where(a => metrics.Any(m => m.Name == a.GetString("MetricName") && (m.Namespace is null || m.Namespace == a.GetString("Namespace"))))
                .SelectMany(a => a.GetArray("AlarmActions").Select(x => x.GetString()).OfType<string>().Where(x => x.StartsWith("arn:aws:sns:", StringComparison.Ordinal)))
                .Distinct()
                .ToList();
            if (topics.Count == 0)
            {
                steps.Add(new { trail = trail.Arn, filters = metrics.Select(m => m.Filter), step = "alarm", found = "no alarm on the filter's metric notifies an SNS topic" });
                continue;
            }

            foreach (var topic in topics)
            {
                var topicRegion = topic.Split(':')[3];
                var subscriptions = context.Get(account, topicRegion, AwsOperations.ListSubscriptions);
                if (subscriptions.Missing)
                {
                    yield return Missing(subscriptions, resource, account, topicRegion);
                    yield break;
                }

                var confirmed = PostureContext.Items(subscriptions)
                    .Where(s => s.GetString("TopicArn") == topic && (s.GetString("SubscriptionArn") ?? "").StartsWith("arn:", StringComparison.Ordinal))
                    .Select(s => new { protocol = s.GetString("Protocol"), arn = s.GetString("SubscriptionArn") })
                    .ToList();
                if (confirmed.Count > 0)
                {
                    yield return Pass(resource, account, Regions.Global, $"{Pattern.Subject}: filter {metrics[0].Filter}, alarm to {topic} with {confirmed.Count} subscription(s).",
                        new { trail = trail.Arn, filters = metrics.Select(m => m.Filter), topic, subscriptions = confirmed });
                    yield break;
                }

                steps.Add(new { trail = trail.Arn, topic, step = "subscription", found = "the alarm's topic has no confirmed subscription" });
            }
        }

        yield return Fail(resource, account, Regions.Global, $"No working alarm for {Pattern.Subject}.", new { pattern = Pattern.Pattern, steps });
    }
}
