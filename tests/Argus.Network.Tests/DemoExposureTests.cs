using Argus.Core.Model;
using Argus.Network.Exposure;
using Argus.Network.Reachability;
using Argus.Network.Traffic;
using Xunit.Abstractions;

namespace Argus.Network.Tests;

/// <summary>The demo organization's planted exposure mistakes (docs/demo-environment.md, 1-3) and its topology.</summary>
public sealed class DemoExposureTests(ITestOutputHelper output)
{
    private static readonly Lazy<ExposureReport> Report = new(() => ExposureAnalyzer.Analyze(Fixtures.DemoModel));

    [Fact]
    public void Planted_mistakes_one_to_three_are_exposed_with_the_right_checks()
    {
        var findings = ExposureFindings.From(Report.Value);
        foreach (var f in findings)
        {
            output.WriteLine($"{f.CheckId} {f.Severity} {f.Status} {f.ResourceId}: {f.Message}");
        }

        Assert.Contains(findings, f => f.CheckId == ExposureCategory.RemoteAdmin && f.ResourceId.EndsWith("instance/i-02e5797c0efb57494", StringComparison.Ordinal)
            && f.Message.Contains("tcp 22", StringComparison.Ordinal) && f.Status == FindingStatus.Fail && f.Severity == Severity.High);
        Assert.Contains(findings, f => f.CheckId == ExposureCategory.RemoteAdmin && f.ResourceId.EndsWith("instance/i-0d8f1f9ea6737605d", StringComparison.Ordinal)
            && f.Message.Contains("tcp 3389", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.CheckId == ExposureCategory.Database && f.ResourceId.EndsWith("instance/i-06ae9b39c3037a85a", StringComparison.Ordinal)
            && f.Message.Contains("tcp 5432", StringComparison.Ordinal) && f.Message.Contains("34.240.3.7", StringComparison.Ordinal));
    }

    [Fact]
    public void The_payments_database_path_goes_through_the_public_route_table_and_its_group()
    {
        var answer = ReachabilityAnalyzer.Query(Fixtures.DemoModel, Endpoint.Internet, Endpoint.Parse("i-06ae9b39c3037a85a"), TrafficSet.Query(Protocols.Tcp, PortSet.Single(5432)));
        output.WriteLine(ReachAnswerText.Format(answer));

        Assert.Equal(Verdict.Reachable, answer.Verdict);
        Assert.Equal("igw-00b8b9f93c0cbe1cd", answer.Path[1].ResourceId);
        Assert.StartsWith("destination 34.240.3.7 -> 10.5.", answer.Path[1].Translation, StringComparison.Ordinal);
        Assert.Equal(("sg-0e36535b19bb06750,sg-05659fb98c0832f93", "tcp 5432 0.0.0.0/0"), (answer.Path[^1].ResourceId, answer.Path[^1].Detail));
        Assert.Contains(answer.ReturnPath, h => h.ResourceId == "rtb-02aedd4df0ccfb573" && h.Detail.StartsWith("0.0.0.0/0 -> igw-00b8b9f93c0cbe1cd", StringComparison.Ordinal));
    }

    [Fact]
    public void The_internet_facing_load_balancer_is_exposed_on_https_only_and_reaches_its_web_fleet()
    {
        foreach (var lb in Report.Value.LoadBalancers)
        {
            output.WriteLine($"{lb.Name} {lb.Exposed} {lb.NotExposedBecause} targets: {string.Join(", ", lb.Targets.Select(t => $"{t.TargetId}:{t.Reached}"))} {string.Join("; ", lb.Unknowns)}");
        }

        var alb = Assert.Single(Report.Value.LoadBalancers, l => l.Name == "prod-web-alb" && l.Region == "eu-west-1");
        Assert.DoesNotContain(22, alb.Exposed.Tcp.Ranges.Select(r => r.From));
        Assert.NotEmpty(alb.Targets);
        Assert.All(alb.Targets, t => Assert.False(t.Reached.IsEmpty));
    }

    [Fact]
    public void Private_fleets_are_not_exposed()
    {
        var exposed = Report.Value.Interfaces.Where(i => i.IsExposed).Select(i => i.InstanceId).ToHashSet();
        Assert.DoesNotContain(Fixtures.DemoModel.Instances.Values.Where(i => i.Name?.Contains("worker", StringComparison.Ordinal) == true).Select(i => i.Id), exposed.Contains);
    }
}
