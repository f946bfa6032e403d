using Argus.Network.Model;
using Argus.Network.Reachability;
using Argus.Network.Traffic;
using Xunit.Abstractions;

namespace Argus.Network.Tests;

/// <summary>
/// The demo hub's AWS Network Firewall: spokes that leave for the internet through the hub's egress VPC cross it,
/// its 5-tuple group drops telnet and SMB with certainty, and web traffic meets its domain allow-list.
/// </summary>
public sealed class DemoNetworkFirewallTests(ITestOutputHelper output)
{
    private static NetworkModel Model => Fixtures.DemoModel;

    /// <summary>An instance in a private subnet of <c>dev-vpc</c>, whose route table sends 0.0.0.0/0 to the hub's transit gateway.</summary>
    private static Instance SpokeInstance(string region) => PrivateInstance("dev-vpc", region);

    private static Instance PrivateInstance(string vpcName, string region)
    {
        var vpc = Model.Vpcs.Values.Single(v => v.Name == vpcName && v.Scope.Region == region);
        return Model.Instances.Values
            .Where(i => i.InterfaceIds.Count > 0 && Model.Interfaces.TryGetValue(i.InterfaceIds[0], out var eni) && eni.VpcId == vpc.Id
                && Model.Subnets[eni.SubnetId].Name?.Contains("private", StringComparison.Ordinal) == true)
            .OrderBy(i => i.Id, StringComparer.Ordinal)
            .First();
    }

    private ReachAnswer Ask(Instance from, string to, int port)
    {
        var answer = ReachabilityAnalyzer.Query(Model, Endpoint.Parse(from.Id), Endpoint.Parse(to), TrafficSet.Query(Protocols.Tcp, PortSet.Single(port)));
        output.WriteLine(ReachAnswerText.Format(answer));
        return answer;
    }

    [Theory]
    [InlineData("eu-west-1")]
    [InlineData("us-east-1")]
    public void Smb_from_a_spoke_to_the_internet_is_dropped_by_the_hub_firewall(string region)
    {
        var answer = Ask(SpokeInstance(region), "internet", 445);

        // Strict order: the 5-tuple group (priority 100) decides before the domain list (200) is reached.
        Assert.Equal(Verdict.Blocked, answer.Verdict);
        Assert.Equal(ExplanationCodes.FirewallRuleDrop, answer.Blocked!.Code);
        Assert.Equal($"arn:aws:network-firewall:{region}:799523860917:firewall/network-egress-firewall", answer.Blocked.ResourceId);
        Assert.Contains(answer.Path, h => h.ResourceType == "transit-gateway-route-table" && h.Detail.StartsWith("0.0.0.0/0 -> ", StringComparison.Ordinal));
        Assert.Contains("stateful network-egress-blocked-ports DROP tcp $HOME_NET ANY -> ANY 445", answer.Path[^1].Detail, StringComparison.Ordinal);
        Assert.Empty(answer.Unknowns);
    }

    [Fact]
    public void Https_from_a_spoke_to_the_internet_meets_the_domain_list_and_is_unknown()
    {
        var answer = Ask(SpokeInstance("eu-west-1"), "internet", 443);

        Assert.Equal(Verdict.Unknown, answer.Verdict);
        Assert.True(answer.Reachable.IsEmpty);
        Assert.Equal("tcp 443", answer.PossiblyReachable.ToString());
        Assert.Contains(answer.Unknowns, u => u.Contains("network-egress-allowed-domains is a domain list", StringComparison.Ordinal));
        Assert.StartsWith("the internet", answer.Exit, StringComparison.Ordinal);
        var hops = answer.Path.Select(h => h.ResourceType).ToList();
        Assert.True(hops.IndexOf("network-firewall") < hops.IndexOf("nat-gateway"), "the firewall inspects before the NAT gateway translates");
        Assert.Contains(answer.ReturnPath, h => h.ResourceType == "network-firewall" && h.Detail.Contains("reply of a flow it passed", StringComparison.Ordinal));
    }

    [Fact]
    public void Ssh_from_a_spoke_to_the_internet_passes_the_5_tuple_group_and_meets_the_domain_list_too()
    {
        var answer = Ask(SpokeInstance("eu-west-1"), "internet", 22);

        Assert.Equal(Verdict.Unknown, answer.Verdict);
        Assert.Null(answer.Blocked);
    }

    [Fact]
    public void Production_keeps_its_own_nat_gateways_and_never_crosses_the_hub_firewall()
    {
        var answer = Ask(PrivateInstance("prod-vpc", "eu-west-1"), "internet", 445);

        Assert.Equal(Verdict.Reachable, answer.Verdict);
        Assert.DoesNotContain(answer.Path, h => h.ResourceType == "network-firewall");
    }
}
