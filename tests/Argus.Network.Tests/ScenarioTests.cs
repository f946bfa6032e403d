using Argus.Core.Import;
using Argus.Core.Model;
using Argus.Network.Model;
using Argus.Network.Reachability;
using Argus.Network.Traffic;
using Xunit.Abstractions;

namespace Argus.Network.Tests;

/// <summary>One AWS semantic per test, on hand-built answers, asserted hop by hop.</summary>
public sealed class ScenarioTests(ITestOutputHelper output)
{
    private ReachAnswer Show(ReachAnswer answer)
    {
        output.WriteLine(ReachAnswerText.Format(answer));
        return answer;
    }

    private static Scenario Transit(string[] tableA, string[] tableB) =>
        Scenario.TwoVpcs(["10.2.0.0/16=TransitGatewayId:tgw-1"], ["10.1.0.0/16=TransitGatewayId:tgw-1"])
            .TransitGateway("tgw-1")
            .TransitVpcAttachment("tgw-attach-a", "tgw-1", "vpc-a", "subnet-a", "tgw-rtb-a")
            .TransitVpcAttachment("tgw-attach-b", "tgw-1", "vpc-b", "subnet-b", "tgw-rtb-b")
            .TransitRouteTable("tgw-rtb-a", "tgw-1", tableA)
            .TransitRouteTable("tgw-rtb-b", "tgw-1", tableB);

    [Fact]
    public void Transit_gateway_routes_through_each_attachments_route_table_both_ways()
    {
        var answer = Show(Transit(["10.2.0.0/16=tgw-attach-b"], ["10.1.0.0/16=tgw-attach-a"]).Ask("i-a", "i-b", Protocols.Tcp, "5432"));

        Assert.Equal(Verdict.Reachable, answer.Verdict);
        Assert.Equal(
            ["eni-a", "sg-a", "rtb-a", "tgw-attach-a", "tgw-rtb-a", "tgw-attach-b", "rtb-b", "eni-b", "sg-b"],
            answer.Path.Select(h => h.ResourceId));
        Assert.Equal("10.2.0.0/16 -> tgw-attach-b (propagated)", answer.Path[4].Detail);
        Assert.Equal(["eni-b", "rtb-b", "tgw-attach-b", "tgw-rtb-b", "tgw-attach-a", "rtb-a", "eni-a"], answer.ReturnPath.Select(h => h.ResourceId));
    }

    [Fact]
    public void Asymmetric_transit_gateway_routes_block_the_return_path()
    {
        var answer = Show(Transit(["10.2.0.0/16=tgw-attach-b"], []).Ask("i-a", "i-b", Protocols.Tcp, "5432"));

        Assert.Equal(Verdict.Blocked, answer.Verdict);
        Assert.Equal((ExplanationCodes.NoRouteToDestination, "tgw-rtb-b", true), (answer.Blocked!.Code, answer.Blocked.ResourceId, answer.Blocked.ReturnPath));
        Assert.Equal("sg-b", answer.Path[^1].ResourceId);
    }

    [Fact]
    public void A_transit_gateway_blackhole_route_drops_the_traffic()
    {
        var answer = Show(Transit(["10.0.0.0/8=tgw-attach-b", "10.2.0.0/16=!"], ["10.1.0.0/16=tgw-attach-a"]).Ask("i-a", "i-b", Protocols.Tcp, "5432"));

        Assert.Equal((ExplanationCodes.BlackholeRoute, "tgw-rtb-a"), (answer.Blocked!.Code, answer.Blocked.ResourceId));
    }

    [Fact]
    public void Transit_gateway_route_tables_not_collected_make_the_answer_unknown_not_blocked()
    {
        var scenario = Scenario.TwoVpcs(["10.2.0.0/16=TransitGatewayId:tgw-1"], ["10.1.0.0/16=TransitGatewayId:tgw-1"])
            .Add("DescribeTransitGatewayAttachments", "TransitGatewayAttachments",
                """{"TransitGatewayAttachmentId":"tgw-attach-a","TransitGatewayId":"tgw-1","ResourceType":"vpc","ResourceId":"vpc-a","State":"available"}""");
        var answer = Show(scenario.Ask("i-a", "i-b", Protocols.Tcp, "5432"));

        Assert.Equal(Verdict.Unknown, answer.Verdict);
        Assert.Contains(answer.Unknowns, u => u.Contains("ec2:SearchTransitGatewayRoutes", StringComparison.Ordinal));
    }

    [Fact]
    public void Peering_is_not_transitive()
    {
        var scenario = Scenario.TwoVpcs(["10.2.0.0/16=VpcPeeringConnectionId:pcx-ab", "10.3.0.0/16=VpcPeeringConnectionId:pcx-ab"], ["10.1.0.0/16=VpcPeeringConnectionId:pcx-ab", "10.3.0.0/16=VpcPeeringConnectionId:pcx-bc"])
            .Peering("pcx-ab", ("vpc-a", "10.1.0.0/16", Scenario.Account, Scenario.Region), ("vpc-b", "10.2.0.0/16", Scenario.Account, Scenario.Region))
            .Peering("pcx-bc", ("vpc-b", "10.2.0.0/16", Scenario.Account, Scenario.Region), ("vpc-c", "10.3.0.0/16", Scenario.Account, Scenario.Region))
            .Vpc("vpc-c", "10.3.0.0/16").Subnet("subnet-c", "vpc-c", "10.3.0.0/24").OpenAcl("acl-c", "vpc-c", ["subnet-c"])
            .RouteTable("rtb-c", "vpc-c", ["subnet-c"], true, ["10.3.0.0/16=local", "10.2.0.0/16=VpcPeeringConnectionId:pcx-bc"])
            .SecurityGroup("sg-c", "vpc-c", ["-1:::10.0.0.0/8"])
            .Interface("eni-c", "subnet-c", "vpc-c", "10.3.0.10", ["sg-c"], instance: "i-c");

        var direct = Show(scenario.Ask("i-a", "i-b", Protocols.Tcp, "5432"));
        var transitive = Show(scenario.Ask("i-a", "i-c", Protocols.Tcp, "5432"));

        Assert.Equal(Verdict.Reachable, direct.Verdict);
        Assert.Equal(["eni-a", "sg-a", "rtb-a", "acl-a", "pcx-ab", "acl-b", "eni-b", "sg-b"], direct.Path.Select(h => h.ResourceId));
        Assert.Equal((ExplanationCodes.PeeringNotTransitive, "pcx-ab"), (transitive.Blocked!.Code, transitive.Blocked.ResourceId));
    }

    [Fact]
    public void Security_group_references_match_members_in_the_same_vpc_and_across_same_region_peering_only()
    {
        Scenario Peered(string accepterRegion) =>
            Scenario.TwoVpcs(["10.2.0.0/16=VpcPeeringConnectionId:pcx-ab"], ["10.1.0.0/16=VpcPeeringConnectionId:pcx-ab"], ["tcp:5432:5432:sg-a"])
                .Peering("pcx-ab", ("vpc-a", "10.1.0.0/16", Scenario.Account, Scenario.Region), ("vpc-b", "10.2.0.0/16", Scenario.Account, accepterRegion));

        var sameRegion = Show(Peered(Scenario.Region).Ask("i-a", "i-b", Protocols.Tcp, "5432"));
        var crossRegion = Show(Peered("us-east-1").Ask("i-a", "i-b", Protocols.Tcp, "5432"));

        Assert.Equal(Verdict.Reachable, sameRegion.Verdict);
        Assert.Equal("tcp 5432 sg-a", sameRegion.Path[^1].Detail);
        Assert.Equal((ExplanationCodes.SecurityGroupRulesMismatch, "eni-b"), (crossRegion.Blocked!.Code, crossRegion.Blocked.ResourceId));
    }

    [Fact]
    public void Network_acl_return_traffic_needs_the_ephemeral_ports()
    {
        Scenario WithDataAcl(string outbound) => new Scenario()
            .Vpc("vpc-a", "10.1.0.0/16")
            .Subnet("subnet-app", "vpc-a", "10.1.0.0/24").Subnet("subnet-data", "vpc-a", "10.1.1.0/24")
            .RouteTable("rtb-main", "vpc-a", [], true, ["10.1.0.0/16=local"])
            .OpenAcl("acl-default", "vpc-a", ["subnet-app"])
            .Acl("acl-data", "vpc-a", ["subnet-data"], ["100:in:allow:6:5432:5432:10.1.0.0/16", "100:out:allow:6:" + outbound + ":10.1.0.0/16"])
            .SecurityGroup("sg-app", "vpc-a", []).SecurityGroup("sg-db", "vpc-a", ["tcp:5432:5432:10.1.0.0/16"])
            .Interface("eni-app", "subnet-app", "vpc-a", "10.1.0.10", ["sg-app"])
            .Interface("eni-db", "subnet-data", "vpc-a", "10.1.1.10", ["sg-db"]);

        var onlyService = Show(WithDataAcl("5432:5432").Ask("eni-app", "eni-db", Protocols.Tcp, "5432"));
        var linuxRange = Show(WithDataAcl("32768:65535").Ask("eni-app", "eni-db", Protocols.Tcp, "5432"));

        Assert.Equal(Verdict.Blocked, onlyService.Verdict);
        Assert.Equal((ExplanationCodes.SubnetAclRestriction, "acl-data", true), (onlyService.Blocked!.Code, onlyService.Blocked.ResourceId, onlyService.Blocked.ReturnPath));
        Assert.Equal(["eni-app", "sg-app", "rtb-main", "acl-default", "acl-data", "eni-db", "sg-db"], onlyService.Path.Select(h => h.ResourceId));
        Assert.Equal(Verdict.Reachable, linuxRange.Verdict);
        Assert.Contains(linuxRange.Notes, n => n.Contains("tcp 1024-32767 is denied", StringComparison.Ordinal));
    }

    [Fact]
    public void Network_acl_rules_are_ordered_and_give_an_exact_port_set()
    {
        var scenario = Scenario.TwoVpcs(["10.2.0.0/16=VpcPeeringConnectionId:pcx-ab"], ["10.1.0.0/16=VpcPeeringConnectionId:pcx-ab"], ["tcp:0:65535:10.0.0.0/8"])
            .Peering("pcx-ab", ("vpc-a", "10.1.0.0/16", Scenario.Account, Scenario.Region), ("vpc-b", "10.2.0.0/16", Scenario.Account, Scenario.Region))
            .Acl("acl-b2", "vpc-b", ["subnet-b"], ["90:in:deny:6:22:22:10.1.0.0/16", "100:in:allow:6:1:1023:10.0.0.0/8", "100:out:allow:-1:::0.0.0.0/0"]);

        var answer = Show(scenario.Ask("i-a", "i-b", Protocols.Tcp, "1-65535"));

        Assert.Equal(Verdict.Reachable, answer.Verdict);
        Assert.Equal("tcp 1-21, 23-1023", answer.Reachable.ToString());
    }

    [Fact]
    public void Prefix_lists_match_their_entries_and_unknown_entries_leave_the_answer_open()
    {
        Scenario With(params string[] entries) =>
            Scenario.TwoVpcs(["10.2.0.0/16=VpcPeeringConnectionId:pcx-ab"], ["10.1.0.0/16=VpcPeeringConnectionId:pcx-ab"], ["tcp:5432:5432:pl-corp"])
                .Peering("pcx-ab", ("vpc-a", "10.1.0.0/16", Scenario.Account, Scenario.Region), ("vpc-b", "10.2.0.0/16", Scenario.Account, Scenario.Region))
                .PrefixList("pl-corp", entries);

        var listed = Show(With("10.1.0.0/24", "192.168.0.0/16").Ask("i-a", "i-b", Protocols.Tcp, "5432"));
        var notListed = Show(With("192.168.0.0/16").Ask("i-a", "i-b", Protocols.Tcp, "5432"));
        var notCollected = Show(With().Ask("i-a", "i-b", Protocols.Tcp, "5432"));

        Assert.Equal(Verdict.Reachable, listed.Verdict);
        Assert.Equal("tcp 5432 pl-corp (10.1.0.0/24)", listed.Path[^1].Detail);
        Assert.Equal(Verdict.Blocked, notListed.Verdict);
        Assert.Equal(Verdict.Unknown, notCollected.Verdict);
        Assert.Equal("tcp 5432", notCollected.PossiblyReachable.ToString());
        Assert.Contains(notCollected.Unknowns, u => u.Contains("ec2:GetManagedPrefixListEntries", StringComparison.Ordinal));
    }

    [Fact]
    public void Longest_prefix_wins_and_on_a_tie_the_cidr_route_beats_the_prefix_list_route()
    {
        var scenario = Scenario.TwoVpcs(
                ["10.0.0.0/8=VpcPeeringConnectionId:pcx-none!", "10.2.0.0/16=VpcPeeringConnectionId:pcx-ab", "pl-b=GatewayId:vpce-s3"],
                ["10.1.0.0/16=VpcPeeringConnectionId:pcx-ab"])
            .Peering("pcx-ab", ("vpc-a", "10.1.0.0/16", Scenario.Account, Scenario.Region), ("vpc-b", "10.2.0.0/16", Scenario.Account, Scenario.Region))
            .PrefixList("pl-b", "10.2.0.0/16");

        var answer = Show(scenario.Ask("i-a", "i-b", Protocols.Tcp, "5432"));

        Assert.Equal(Verdict.Reachable, answer.Verdict);
        Assert.Equal("10.2.0.0/16 -> pcx-ab [CreateRoute]", answer.Path[2].Detail);
        Assert.Equal((ExplanationCodes.BlackholeRoute, "rtb-a"), (Show(scenario.Ask("i-a", "10.9.0.1", Protocols.Tcp, "5432")).Blocked!.Code, "rtb-a"));
    }

    [Fact]
    public void Ipv6_leaves_through_the_egress_only_gateway_but_the_internet_cannot_come_in()
    {
        var scenario = new Scenario()
            .Vpc("vpc-6", "10.6.0.0/16", "2a05:d018:1:5600::/56").Subnet("subnet-6", "vpc-6", "10.6.0.0/24", ipv6: "2a05:d018:1:5600::/64")
            .RouteTable("rtb-6", "vpc-6", ["subnet-6"], true, ["10.6.0.0/16=local", "2a05:d018:1:5600::/56=local", "::/0=EgressOnlyInternetGatewayId:eigw-1"])
            .InternetGateway("eigw-1", "vpc-6", egressOnly: true)
            .OpenAcl("acl-6", "vpc-6", ["subnet-6"])
            .SecurityGroup("sg-6", "vpc-6", ["tcp:443:443:::/0"])
            .Interface("eni-6", "subnet-6", "vpc-6", "10.6.0.10", ["sg-6"], ipv6: "2a05:d018:1:5600::10", instance: "i-6");

        var outbound = Show(scenario.Ask("i-6", "2001:4860:4860::8888", Protocols.Tcp, "443"));
        var inbound = Show(scenario.Ask("internet", "i-6", Protocols.Tcp, "443"));

        Assert.Equal(Verdict.Reachable, outbound.Verdict);
        Assert.Contains(outbound.Path, h => h.ResourceId == "eigw-1" && h.Action == "forward");
        Assert.Equal((ExplanationCodes.EgressOnlyGatewayInbound, "eigw-1"), (inbound.Blocked!.Code, inbound.Blocked.ResourceId));
    }

    [Fact]
    public void Security_groups_not_collected_make_the_answer_unknown_naming_the_permission()
    {
        var scenario = Scenario.TwoVpcs(["10.2.0.0/16=VpcPeeringConnectionId:pcx-ab"], ["10.1.0.0/16=VpcPeeringConnectionId:pcx-ab"])
            .Peering("pcx-ab", ("vpc-a", "10.1.0.0/16", Scenario.Account, Scenario.Region), ("vpc-b", "10.2.0.0/16", "222222222222", Scenario.Region));
        var model = NetworkModel.Build(
            [.. scenario.Documents().Where(d => d.Operation != "DescribeSecurityGroups")],
            [new CoverageGap(Provider.Aws, Scenario.Account, Scenario.Region, "ec2", "DescribeSecurityGroups", "ec2:DescribeSecurityGroups", GapReason.AccessDenied, "denied")]);
        var answer = Show(ReachabilityAnalyzer.Query(model, Endpoint.Parse("i-a"), Endpoint.Parse("i-b"), TrafficSet.Query(Protocols.Tcp, PortSet.Single(5432))));

        Assert.Equal(Verdict.Unknown, answer.Verdict);
        Assert.Contains(answer.Unknowns, u => u.Contains("not collected (ec2:DescribeSecurityGroups)", StringComparison.Ordinal));
    }

    [Fact]
    public void A_malformed_document_is_an_import_error_naming_it_and_the_position()
    {
        var bad = new RawDocument(Provider.Aws, Scenario.Account, Scenario.Region, "ec2", "DescribeVpcs", null, "{\"Vpcs\": [\n  {\"VpcId\": }]}"u8.ToArray());

        var error = Assert.Throws<ImportException>(() => NetworkModel.Build([bad], []));

        Assert.StartsWith("aws/111111111111/eu-west-1/ec2/DescribeVpcs:2:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_endpoints_are_precise_errors()
    {
        var model = Scenario.TwoVpcs([], []).Build();

        Assert.Equal("instance i-missing is not in the snapshot",
            Assert.Throws<EndpointException>(() => ReachabilityAnalyzer.Query(model, Endpoint.Parse("i-missing"), Endpoint.Parse("i-b"), TrafficSet.All)).Message);
        Assert.Throws<FormatException>(() => Endpoint.Parse("not-an-endpoint"));
    }
}
