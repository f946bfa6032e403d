using Argus.Network.Model;
using Argus.Network.Reachability;
using Argus.Network.Topology;
using Argus.Network.Traffic;
using Xunit.Abstractions;

namespace Argus.Network.Tests;

/// <summary>The demo's hub and spoke: segmented transit gateway route tables, the peering, the topology.</summary>
public sealed class DemoTransitTests(ITestOutputHelper output)
{
    private static NetworkModel Model => Fixtures.DemoModel;

    private static Instance InstanceIn(string vpcName, string region, string subnetTier)
    {
        var vpc = Model.Vpcs.Values.Single(v => v.Name == vpcName && v.Scope.Region == region);
        return Model.Instances.Values
            .Where(i => i.InterfaceIds.Count > 0 && Model.Interfaces.TryGetValue(i.InterfaceIds[0], out var eni) && eni.VpcId == vpc.Id
                && Model.Subnets[eni.SubnetId].Name?.Contains(subnetTier, StringComparison.Ordinal) == true)
            .OrderBy(i => i.Id, StringComparer.Ordinal)
            .First();
    }

    private ReachAnswer Ask(Instance from, Instance to, int port)
    {
        var answer = ReachabilityAnalyzer.Query(Model, Endpoint.Parse(from.Id), Endpoint.Parse(to.Id), TrafficSet.Query(Protocols.Tcp, PortSet.Single(port)));
        output.WriteLine(ReachAnswerText.Format(answer));
        return answer;
    }

    [Fact]
    public void Development_routes_to_the_shared_segment_through_the_hub_by_propagated_routes()
    {
        var answer = Ask(InstanceIn("dev-vpc", "eu-west-1", "private"), InstanceIn("security-tooling-vpc", "eu-west-1", "private"), 443);

        var tables = answer.Path.Where(h => h.ResourceType == "transit-gateway-route-table").ToList();
        var hop = Assert.Single(tables);
        Assert.StartsWith("10.1.0.0/16 -> tgw-attach-", hop.Detail, StringComparison.Ordinal);
        Assert.EndsWith("(propagated)", hop.Detail, StringComparison.Ordinal);
        Assert.NotEqual(ExplanationCodes.NoRouteToDestination, answer.Blocked?.Code);
        Assert.NotEqual(ExplanationCodes.BlackholeRoute, answer.Blocked?.Code);
        var back = Ask(InstanceIn("security-tooling-vpc", "eu-west-1", "private"), InstanceIn("dev-vpc", "eu-west-1", "private"), 443);
        Assert.Contains(back.Path, h => h.ResourceType == "transit-gateway-route-table" && h.Detail.StartsWith("10.7.0.0/16 -> tgw-attach-0d21cfd4997612961", StringComparison.Ordinal));
    }

    [Fact]
    public void Production_prefers_its_peering_to_the_security_vpc_over_the_hub_by_longest_prefix()
    {
        var answer = Ask(InstanceIn("prod-vpc", "eu-west-1", "private"), InstanceIn("security-tooling-vpc", "eu-west-1", "private"), 443);

        Assert.Equal("10.1.0.0/16 -> pcx-09bf6436c221da7e7 [CreateRoute]", answer.Path[2].Detail);
        Assert.Equal(("pcx-09bf6436c221da7e7", "vpc-peering-connection"), (answer.Path[4].ResourceId, answer.Path[4].ResourceType));
        Assert.DoesNotContain(answer.Path, h => h.ResourceType == "transit-gateway-route-table");
    }

    [Fact]
    public void Production_and_development_are_segmented_by_the_blackholed_organization_range()
    {
        var answer = Ask(InstanceIn("prod-vpc", "eu-west-1", "private"), InstanceIn("dev-vpc", "eu-west-1", "private"), 443);

        Assert.Equal(Verdict.Blocked, answer.Verdict);
        Assert.Equal(ExplanationCodes.BlackholeRoute, answer.Blocked!.Code);
        Assert.Contains("prod-rt", answer.Blocked.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void The_topology_holds_accounts_vpcs_the_hub_and_the_peerings_in_every_format()
    {
        var graph = TopologyGraph.Build(Model);

        Assert.Contains(graph.Nodes, n => n.Id == "tgw-0333c281c441f2856" && n.Type == "transit-gateway");
        Assert.Contains(graph.Nodes, n => n.Id == "vpc-049e9158f170440e6" && n.Parent == "account/545951156650");
        Assert.Contains(graph.Edges, e => e.Kind == "peering" && e.Label?.Contains("pcx-09bf6436c221da7e7", StringComparison.Ordinal) == true);
        Assert.Contains(graph.Edges, e => e.From == "tgw-0333c281c441f2856" && e.To == "vpc-049e9158f170440e6" && e.Kind == "attachment");
        Assert.Contains(graph.Edges, e => e.Kind == "peering" && e.From.StartsWith("tgw-", StringComparison.Ordinal));
        Assert.Contains("\"schemaVersion\": 1", TopologyWriter.Json(graph), StringComparison.Ordinal);
        var dot = TopologyWriter.Dot(graph);
        Assert.StartsWith("digraph argus {", dot, StringComparison.Ordinal);
        Assert.Equal(dot.Count(c => c == '{'), dot.Count(c => c == '}'));
        var mermaid = TopologyWriter.Mermaid(graph);
        Assert.StartsWith("flowchart LR", mermaid, StringComparison.Ordinal);
        Assert.Equal(mermaid.Split('\n').Count(l => l.TrimStart().StartsWith("subgraph ", StringComparison.Ordinal)), mermaid.Split('\n').Count(l => l.Trim() == "end"));
    }
}
