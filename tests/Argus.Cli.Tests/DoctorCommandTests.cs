using System.Text.Json;
using Argus.Aws.Doctor;
using Argus.Cli.Commands;
using Argus.Cli.Terminal;
using Argus.Core.Permissions;

namespace Argus.Cli.Tests;

public sealed class DoctorCommandTests
{
    private static DoctorReport Report(ActionDecision vpcs)
    {
        var actions = new List<ActionCheck>
        {
            new("ec2:DescribeVpcs", vpcs, CheckMethod.Simulation, AccessLevel.Read, true, [Features.NetworkTopology], "Reads VPCs"),
            new("ec2:DescribeSubnets", ActionDecision.Allowed, CheckMethod.Simulation, AccessLevel.Read, true, [Features.NetworkTopology], "Reads subnets"),
        };
        var caller = new CallerIdentity("123456789012", "arn:aws:iam::123456789012:user/alice", "arn:aws:iam::123456789012:user/alice");
        var features = Features.All.Select(f => f == Features.NetworkTopology ? FeatureCheck.Grade(f, actions) : FeatureCheck.NotRequested(f)).ToList();
        return new DoctorReport(caller, CheckMethod.Simulation, actions, features, ["a note"]);
    }

    private static (int Code, string Out) Render(DoctorReport report, string format)
    {
        using var stdout = new StringWriter();
        var code = DoctorCommand.Report(new CliContext(stdout, TextWriter.Null, false), report, format);
        return (code, stdout.ToString());
    }

    [Fact]
    public void A_missing_required_action_exits_degraded_and_is_named_in_json()
    {
        var (code, output) = Render(Report(ActionDecision.ImplicitDeny), "json");

        Assert.Equal(ExitCodes.Degraded, code);
        using var json = JsonDocument.Parse(output);
        var topology = json.RootElement.GetProperty("features").EnumerateArray().Single(f => f.GetProperty("feature").GetString() == Features.NetworkTopology);
        Assert.Equal("off", topology.GetProperty("status").GetString());
        Assert.Equal(["ec2:DescribeVpcs"], topology.GetProperty("missing").EnumerateArray().Select(a => a.GetString()));
        var posture = json.RootElement.GetProperty("features").EnumerateArray().Single(f => f.GetProperty("feature").GetString() == Features.Posture);
        Assert.Equal("not-requested", posture.GetProperty("status").GetString());
        var vpcs = json.RootElement.GetProperty("actions").EnumerateArray().First();
        Assert.Equal("implicit-deny", vpcs.GetProperty("decision").GetString());
        Assert.Equal("Reads VPCs", vpcs.GetProperty("justification").GetString());
    }

    [Fact]
    public void Everything_allowed_exits_ok_and_the_table_says_available()
    {
        var (code, output) = Render(Report(ActionDecision.Allowed), "table");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Matches(@"(?m)^network\.topology +available", output);
        Assert.Matches(@"(?m)^posture +not requested", output);
        Assert.DoesNotContain("MISSING ACTION", output);
    }

    [Fact]
    public void The_table_lists_missing_actions_with_their_justification()
    {
        var (_, output) = Render(Report(ActionDecision.ExplicitDeny), "table");

        Assert.Matches(@"(?m)^ec2:DescribeVpcs +explicit deny +required +network\.topology +Reads VPCs$", output);
        Assert.Contains("note: a note", output);
    }

    [Theory]
    [InlineData("--features", "posture,nope")]
    [InlineData("--external-id", "x")]
    public void Bad_input_exits_2_before_any_call(params string[] args)
    {
        using var cli = new CliRun();

        var (code, _, error) = cli.Run(["doctor", "aws", .. args]);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.StartsWith("error: ", error);
    }
}
