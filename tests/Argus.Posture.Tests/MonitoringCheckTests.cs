using Argus.Aws.Operations;
using Argus.Core.Model;

namespace Argus.Posture.Tests;

public sealed class MonitoringCheckTests
{
    private const string Group = ""","CloudWatchLogsLogGroupArn":"arn:aws:logs:eu-west-1:111111111111:log-group:trail-group:*" """;

    private static Fixture Chain(string pattern, bool subscribed = true) => LoggingCheckTests.Trail(extra: Group)
        .With(AwsOperations.DescribeMetricFilters, $$"""{"metricFilters":[{"filterName":"root","filterPattern":{{System.Text.Json.JsonSerializer.Serialize(pattern)}},"metricTransformations":[{"metricName":"RootUsage","metricNamespace":"CISBenchmark","metricValue":"1"}],"logGroupName":"trail-group"}]}""")
        .With(AwsOperations.DescribeAlarms, """{"MetricAlarms":[{"AlarmName":"root","MetricName":"RootUsage","Namespace":"CISBenchmark","AlarmActions":["arn:aws:sns:eu-west-1:111111111111:alerts"]}],"CompositeAlarms":[]}""")
        .With(AwsOperations.ListSubscriptions, $$"""{"Subscriptions":[{"SubscriptionArn":"{{(subscribed ? "arn:aws:sns:eu-west-1:111111111111:alerts:1a2b" : "PendingConfirmation")}}","Owner":"111111111111","Protocol":"email","Endpoint":"sec@example.com","TopicArn":"arn:aws:sns:eu-west-1:111111111111:alerts"}]}""");

    [Fact]
    public void Root_usage_alarm_chain_passes_end_to_end()
    {
        var result = Chain("{ $.userIdentity.type = \"Root\" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != \"AwsServiceEvent\" }").Single("aws.cloudwatch.alarm.root-usage");
        Assert.Equal(FindingStatus.Pass, result.Status);
    }

    [Fact]
    public void A_filter_for_another_pattern_or_an_unconfirmed_subscription_fails_and_says_where()
    {
        var wrongPattern = Chain("{ ($.eventName = ConsoleLogin) }").Single("aws.cloudwatch.alarm.root-usage");
        Assert.Equal(FindingStatus.Fail, wrongPattern.Status);
        Assert.Contains("metric filter", wrongPattern.Evidence);

        var pending = Chain("{ $.userIdentity.type = Root && $.userIdentity.invokedBy NOT EXISTS && $.eventType != AwsServiceEvent }", subscribed: false).Single("aws.cloudwatch.alarm.root-usage");
        Assert.Equal(FindingStatus.Fail, pending.Status);
        Assert.Contains("subscription", pending.Evidence);
    }

    [Fact]
    public void A_trail_without_cloudwatch_logs_fails_every_monitoring_check()
    {
        var results = LoggingCheckTests.Trail().RunAll().Where(r => r.CheckId.StartsWith("aws.cloudwatch.alarm.")).ToList();
        Assert.Equal(15, results.Count);
        Assert.All(results, r => Assert.Equal(FindingStatus.Fail, r.Status));
    }

    [Fact]
    public void Missing_metric_filters_are_an_error_naming_the_permission()
    {
        var result = LoggingCheckTests.Trail(extra: Group).Single("aws.cloudwatch.alarm.vpc-changes");
        Assert.Equal(FindingStatus.Error, result.Status);
        Assert.Contains("logs:DescribeMetricFilters", result.Message);
    }
}
