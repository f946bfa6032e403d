using Argus.Network.Reachability;
using Argus.Network.Traffic;
using Xunit.Abstractions;

namespace Argus.Network.Tests;

/// <summary>Answers on the three real AWS CLI snapshots (Batfish's test inputs), asserted hop by hop.</summary>
public sealed class RealFixtureTests(ITestOutputHelper output)
{
    private static readonly TrafficSet Ssh = TrafficSet.Query(Protocols.Tcp, PortSet.Single(22));

    private ReachAnswer Ask(string fixture, string from, string to, TrafficSet traffic)
    {
        var answer = ReachabilityAnalyzer.Query(Fixtures.Real(fixture), Endpoint.Parse(from), Endpoint.Parse(to), traffic);
        output.WriteLine(ReachAnswerText.Format(answer));
        return answer;
    }

    [Fact]
    public void Internet_reaches_the_public_instance_on_ssh_through_the_internet_gateway_and_back()
    {
        var answer = Ask("test-public-subnet", "internet", "i-06669a407b2ef3ae5", Ssh);

        Assert.Equal(Verdict.Reachable, answer.Verdict);
        Assert.Equal(Ssh, answer.Reachable);
        Assert.Collection(answer.Path,
            h => Assert.Equal(("internet", "send"), (h.ResourceId, h.Action)),
            h => Assert.Equal(("igw-0a409e562d251f766", "destination 18.216.80.133 -> 10.0.0.91"), (h.ResourceId, h.Translation)),
            h => Assert.Equal(("acl-0d9449710ec85473c", "inbound"), (h.ResourceId, h.Action)),
            h => Assert.Equal(("eni-00064850627e198ee", "arrive"), (h.ResourceId, h.Action)),
            h => Assert.Equal(("sg-09ccba6656672061b", "ingress", "tcp 22 0.0.0.0/0"), (h.ResourceId, h.Action, h.Detail)));
        Assert.Collection(answer.ReturnPath,
            h => Assert.Equal(("eni-00064850627e198ee", "reply"), (h.ResourceId, h.Action)),
            h => Assert.Equal(("rtb-0489000c9e6c299e8", "0.0.0.0/0 -> igw-0a409e562d251f766 [CreateRoute]"), (h.ResourceId, h.Detail)),
            h => Assert.Equal(("acl-0d9449710ec85473c", "outbound"), (h.ResourceId, h.Action)),
            h => Assert.Equal(("igw-0a409e562d251f766", "source 10.0.0.91 -> 18.216.80.133"), (h.ResourceId, h.Translation)),
            h => Assert.Equal(("internet", "exit"), (h.ResourceId, h.Action)));
    }

    [Fact]
    public void Internet_cannot_reach_a_port_no_security_group_rule_opens()
    {
        var answer = Ask("test-public-subnet", "internet", "i-06669a407b2ef3ae5", TrafficSet.Query(Protocols.Tcp, PortSet.Range(80, 443)));

        Assert.Equal(Verdict.Blocked, answer.Verdict);
        Assert.Equal(ExplanationCodes.SecurityGroupRulesMismatch, answer.Blocked!.Code);
        Assert.Equal("eni-00064850627e198ee", answer.Blocked.ResourceId);
    }

    [Fact]
    public void The_exact_port_set_is_the_intersection_of_request_and_rules()
    {
        var answer = Ask("test-public-subnet", "internet", "i-06669a407b2ef3ae5", TrafficSet.All);

        Assert.Equal(Verdict.Reachable, answer.Verdict);
        Assert.Equal("tcp 22", answer.Reachable.ToString());
    }

    [Fact]
    public void A_private_instance_whose_group_allows_ssh_from_anywhere_is_not_reachable_from_the_internet()
    {
        var answer = Ask("test-public-private-subnet", "internet", "i-099cf38911942421c", Ssh);

        Assert.Equal(Verdict.Blocked, answer.Verdict);
        Assert.Equal(ExplanationCodes.NoPublicAddress, answer.Blocked!.Code);
    }

    [Fact]
    public void The_private_subnet_sends_everything_else_to_the_vpn_gateway()
    {
        var answer = Ask("test-public-private-subnet", "i-099cf38911942421c", "8.8.8.8", TrafficSet.Query(Protocols.Tcp, PortSet.Single(443)));

        Assert.Equal(Verdict.Reachable, answer.Verdict);
        Assert.Equal("on premises through virtual private gateway vgw-070087240d6fa2989", answer.Exit);
    }

    [Fact]
    public void The_public_instance_reaches_the_private_one_inside_the_vpc()
    {
        var answer = Ask("test-public-private-subnet", "i-094a9e5b545a4fde4", "i-099cf38911942421c", Ssh);

        Assert.Equal(Verdict.Reachable, answer.Verdict);
        Assert.Contains(answer.Path, h => h.ResourceType == "route-table" && h.Detail.StartsWith("10.0.0.0/16 -> local", StringComparison.Ordinal));
        Assert.Equal("eni-07c1506e49d784fe0", answer.Path.Last(h => h.Action == "arrive").ResourceId);
    }

    [Fact]
    public void A_private_instance_reaches_the_internet_through_the_nat_gateway_and_the_reply_is_translated_back()
    {
        var answer = Ask("test-nat-gateway", "i-0a128d26e59be60f3", "8.8.8.8", TrafficSet.Query(Protocols.Tcp, PortSet.Single(443)));

        Assert.Equal(Verdict.Reachable, answer.Verdict);
        Assert.Contains(answer.Path, h => h.ResourceId == "nat-07ab4846da51f4612" && h.Translation == "source 10.1.1.98 -> 10.1.250.210");
        Assert.Contains(answer.Path, h => h.ResourceId == "igw-071753b9c23d8a9b2" && h.Translation == "source 10.1.250.210 -> 3.135.127.225");
        Assert.Contains(answer.ReturnPath, h => h.ResourceId == "nat-07ab4846da51f4612" && h.Translation == "destination 10.1.250.210 -> 10.1.1.98");
        Assert.Equal("eni-0e4ce6a7777b9bff8", answer.ReturnPath[^1].ResourceId);
    }

    [Fact]
    public void A_subnet_on_the_main_route_table_has_no_route_out()
    {
        var answer = Ask("test-nat-gateway", "i-0a73a1a6021c03ddb", "internet", TrafficSet.Query(Protocols.Tcp, PortSet.Single(443)));

        Assert.Equal(Verdict.Blocked, answer.Verdict);
        Assert.Equal((ExplanationCodes.NoRouteToDestination, "rtb-0e169c4a1e0b27b55"), (answer.Blocked!.Code, answer.Blocked.ResourceId));
    }
}
