using System.Text;
using Argus.Core.Model;
using Argus.Network.Exposure;
using Argus.Network.Model;
using Argus.Network.Reachability;
using Argus.Network.Traffic;
using Xunit.Abstractions;

namespace Argus.Network.Tests;

/// <summary>
/// AWS Network Firewall on hand-written describe-firewall, describe-firewall-policy and describe-rule-group answers:
/// an inspection subnet in the workload's VPC, the internet gateway's edge route table sending inbound traffic to
/// the firewall endpoint and the workload subnet sending everything else back through it.
/// </summary>
public sealed class NetworkFirewallTests(ITestOutputHelper output)
{
    private const string FirewallArn = "arn:aws:network-firewall:eu-west-1:111111111111:firewall/inspection";
    private const string PolicyArn = "arn:aws:network-firewall:eu-west-1:111111111111:firewall-policy/inspection";
    private const string StatelessArn = "arn:aws:network-firewall:eu-west-1:111111111111:stateless-rulegroup/edge";
    private const string StatefulArn = "arn:aws:network-firewall:eu-west-1:111111111111:stateful-rulegroup/web";
    private const string DomainsArn = "arn:aws:network-firewall:eu-west-1:111111111111:stateful-rulegroup/domains";
    private const string AllowList = """{"RulesSourceList":{"Targets":[".example.com"],"TargetTypes":["TLS_SNI","HTTP_HOST"],"GeneratedRulesType":"ALLOWLIST"}}""";

    private readonly List<RawDocument> firewallDocuments = [];

    private static Scenario InspectionVpc(bool edge = true) => new Scenario()
        .Vpc("vpc-a", "10.1.0.0/16")
        .Subnet("subnet-fw", "vpc-a", "10.1.0.0/28").Subnet("subnet-web", "vpc-a", "10.1.1.0/24")
        .OpenAcl("acl-a", "vpc-a", ["subnet-fw", "subnet-web"])
        .InternetGateway("igw-1", "vpc-a")
        .Add("DescribeRouteTables", "RouteTables", """
            {"RouteTableId":"rtb-edge","VpcId":"vpc-a","Associations":[{"Main":false,"GatewayId":"igw-1","AssociationState":{"State":"associated"}}],
             "Routes":[{"DestinationCidrBlock":"10.1.0.0/16","GatewayId":"local","State":"active","Origin":"CreateRouteTable"},
                       {"DestinationCidrBlock":"10.1.1.0/24","VpcEndpointId":"vpce-0fw1","State":"active","Origin":"CreateRoute"}]}
            """.Replace("10.1.1.0/24", edge ? "10.1.1.0/24" : "10.1.2.0/24", StringComparison.Ordinal))
        .RouteTable("rtb-fw", "vpc-a", ["subnet-fw"], false, ["10.1.0.0/16=local", "0.0.0.0/0=GatewayId:igw-1"])
        .RouteTable("rtb-web", "vpc-a", ["subnet-web"], true, ["10.1.0.0/16=local", "0.0.0.0/0=VpcEndpointId:vpce-0fw1"])
        .SecurityGroup("sg-web", "vpc-a", ["tcp:22:22:0.0.0.0/0", "tcp:443:443:0.0.0.0/0", "udp:53:53:0.0.0.0/0"])
        .Interface("eni-web", "subnet-web", "vpc-a", "10.1.1.10", ["sg-web"], publicIp: "203.0.113.10", instance: "i-web");

    private NetworkFirewallTests Firewall()
    {
        Document("DescribeFirewall", FirewallArn, $$$"""
            {"UpdateToken":"5f2e","Firewall":{"FirewallName":"inspection","FirewallArn":"{{{FirewallArn}}}","FirewallPolicyArn":"{{{PolicyArn}}}",
              "VpcId":"vpc-a","SubnetMappings":[{"SubnetId":"subnet-fw","IPAddressType":"IPV4"}],"DeleteProtection":false,"SubnetChangeProtection":false,
              "FirewallPolicyChangeProtection":false,"FirewallId":"a1b2c3d4","Tags":[]},
             "FirewallStatus":{"Status":"READY","ConfigurationSyncStateSummary":"IN_SYNC",
              "SyncStates":{"eu-west-1a":{"Attachment":{"SubnetId":"subnet-fw","EndpointId":"vpce-0fw1","Status":"READY"},
                "Config":{"{{{PolicyArn}}}":{"SyncStatus":"IN_SYNC","UpdateToken":"5f2e"} } } } } }
            """);
        return this;
    }

    private NetworkFirewallTests Policy(string[] stateless, string[] stateful, string statelessDefault, string? strictDefault = null)
    {
        var references = string.Join(",", stateless.Select((arn, i) => $$"""{"ResourceArn":"{{arn}}","Priority":{{(i + 1) * 10}}}"""));
        var statefulReferences = string.Join(",", stateful.Select((arn, i) => strictDefault is null ? $$"""{"ResourceArn":"{{arn}}"}""" : $$"""{"ResourceArn":"{{arn}}","Priority":{{i + 1}}}"""));
        var order = strictDefault is null
            ? "\"StatefulEngineOptions\":{\"RuleOrder\":\"DEFAULT_ACTION_ORDER\"}"
            : $"\"StatefulDefaultActions\":[\"{strictDefault}\"],\"StatefulEngineOptions\":{{\"RuleOrder\":\"STRICT_ORDER\"}}";
        Document("DescribeFirewallPolicy", PolicyArn, $$$"""
            {"UpdateToken":"77aa","FirewallPolicyResponse":{"FirewallPolicyName":"inspection","FirewallPolicyArn":"{{{PolicyArn}}}","FirewallPolicyId":"p1",
              "FirewallPolicyStatus":"ACTIVE","NumberOfAssociations":1},
             "FirewallPolicy":{"StatelessRuleGroupReferences":[{{{references}}}],"StatelessDefaultActions":["{{{statelessDefault}}}"],
              "StatelessFragmentDefaultActions":["{{{statelessDefault}}}"],"StatefulRuleGroupReferences":[{{{statefulReferences}}}],{{{order}}} } }
            """);
        return this;
    }

    /// <summary>Stateless rules as <c>"priority:action:protocols:sources:source ports:destination ports"</c>, e.g. <c>"10:aws:pass:6:0.0.0.0/0::443"</c>.</summary>
    private NetworkFirewallTests Stateless(params string[] rules)
    {
        static string Ports(string text) => text.Length == 0 ? "[]"
            : $$"""[{"FromPort":{{text.Split('-')[0]}},"ToPort":{{text.Split('-')[^1]}}}]""";
        var json = rules.Select(r =>
        {
            var p = r.Split(':');
            var (priority, action, protocols, sources, sourcePorts, destinationPorts) = (p[0], p[1] + ":" + p[2], p[3], p[4], p[5], p[6]);
            var source = sources.Length == 0 ? "" : $$"""{"AddressDefinition":"{{sources}}"}""";
            return $$$"""
                {"RuleDefinition":{"MatchAttributes":{"Sources":[{{{source}}}],"Destinations":[],
                  "SourcePorts":{{{Ports(sourcePorts)}}},"DestinationPorts":{{{Ports(destinationPorts)}}},"Protocols":[{{{protocols}}}]},"Actions":["{{{action}}}"]},"Priority":{{{priority}}} }
                """;
        });
        Document("DescribeRuleGroup", StatelessArn, $$$"""
            {"UpdateToken":"1","RuleGroup":{"RulesSource":{"StatelessRulesAndCustomActions":{"StatelessRules":[{{{string.Join(",", json)}}}],"CustomActions":[]} } },
             "RuleGroupResponse":{"RuleGroupArn":"{{{StatelessArn}}}","RuleGroupName":"edge","RuleGroupId":"g1","Type":"STATELESS","Capacity":100} }
            """);
        return this;
    }

    /// <summary>Stateful 5-tuple rules as <c>"PASS TCP ANY ANY FORWARD 10.1.1.0/24 443"</c>.</summary>
    private NetworkFirewallTests Stateful(params string[] rules)
    {
        var json = rules.Select((r, i) =>
        {
            var p = r.Split(' ');
            return $$"""
                {"Action":"{{p[0]}}","Header":{"Protocol":"{{p[1]}}","Source":"{{p[2]}}","SourcePort":"{{p[3]}}","Direction":"{{p[4]}}","Destination":"{{p[5]}}","DestinationPort":"{{p[6]}}"},
                 "RuleOptions":[{"Keyword":"sid","Settings":["{{i + 1}}"]}]}
                """;
        });
        return StatefulGroup($$"""{"StatefulRules":[{{string.Join(",", json)}}]}""");
    }

    private NetworkFirewallTests StatefulGroup(string rulesSource, string arn = StatefulArn, string name = "web")
    {
        Document("DescribeRuleGroup", arn, $$$"""
            {"UpdateToken":"2","RuleGroup":{"RuleVariables":{"IPSets":{"WEB":{"Definition":["10.1.1.0/24"]}},"PortSets":{"WEB_PORTS":{"Definition":["443"]} } },"RulesSource":{{{rulesSource}}}},
             "RuleGroupResponse":{"RuleGroupArn":"{{{arn}}}","RuleGroupName":"{{{name}}}","RuleGroupId":"g2","Type":"STATEFUL","Capacity":100} }
            """);
        return this;
    }

    private void Document(string operation, string resource, string json) =>
        firewallDocuments.Add(new RawDocument(Provider.Aws, Scenario.Account, Scenario.Region, "network-firewall", operation, resource, Encoding.UTF8.GetBytes(json)));

    private ReachAnswer Ask(string from, string to, int? protocol, string ports, bool edge = true)
    {
        var model = NetworkModel.Build([.. InspectionVpc(edge).Documents(), .. firewallDocuments], []);
        var answer = ReachabilityAnalyzer.Query(model, Endpoint.Parse(from), Endpoint.Parse(to), TrafficSet.Query(protocol, PortSet.Parse(ports)));
        output.WriteLine(ReachAnswerText.Format(answer));
        return answer;
    }

    [Fact]
    public void The_firewall_reads_its_endpoints_from_the_sync_states()
    {
        Firewall();
        var model = NetworkModel.Build([.. InspectionVpc().Documents(), .. firewallDocuments], []);

        var (firewall, subnet) = model.FirewallEndpoint("vpce-0fw1")!.Value;
        Assert.Equal(("inspection", "vpc-a", PolicyArn, "subnet-fw"), (firewall.Name, firewall.VpcId, firewall.PolicyArn, subnet));
        Assert.Null(model.FirewallEndpoint("vpce-other"));
    }

    [Fact]
    public void Inbound_traffic_goes_through_the_firewall_endpoint_by_the_edge_route_table_and_back_through_it()
    {
        Firewall().Policy([StatelessArn], [], "aws:drop").Stateless("10:aws:pass:6:::443", "20:aws:pass:6::443:");

        var answer = Ask("internet", "i-web", Protocols.Tcp, "443");

        Assert.Equal(Verdict.Reachable, answer.Verdict);
        Assert.Equal(["internet", "igw-1", "rtb-edge", "acl-a", FirewallArn, "rtb-fw", "acl-a", "acl-a", "eni-web", "sg-web"], answer.Path.Select(h => h.ResourceId));
        var hop = answer.Path[4];
        Assert.Equal(("network-firewall", "forward"), (hop.ResourceType, hop.Action));
        Assert.Contains("stateless edge priority 10 aws:pass protocols 6 port 443", hop.Detail, StringComparison.Ordinal);
        Assert.Contains(answer.ReturnPath, h => h.ResourceId == FirewallArn && h.Detail.Contains("priority 20 aws:pass", StringComparison.Ordinal));
        Assert.Equal("igw-1", answer.ReturnPath[^2].ResourceId);
    }

    [Fact]
    public void The_stateless_default_drop_blocks_what_no_rule_passes_with_the_exact_port_set()
    {
        Firewall().Policy([StatelessArn], [], "aws:drop").Stateless("10:aws:pass:6:::443", "20:aws:pass:6::443:");

        var ssh = Ask("internet", "i-web", Protocols.Tcp, "22");
        var all = Ask("internet", "i-web", Protocols.Tcp, "1-65535");

        Assert.Equal(Verdict.Blocked, ssh.Verdict);
        Assert.Equal((ExplanationCodes.FirewallDefaultDrop, FirewallArn, false), (ssh.Blocked!.Code, ssh.Blocked.ResourceId, ssh.Blocked.ReturnPath));
        Assert.Equal(("network-firewall", "drop"), (ssh.Path[^1].ResourceType, ssh.Path[^1].Action));
        Assert.Equal("tcp 443", all.Reachable.ToString());
    }

    [Fact]
    public void A_stateless_pass_without_a_rule_for_the_replies_drops_them_on_the_way_back()
    {
        Firewall().Policy([StatelessArn], [], "aws:drop").Stateless("10:aws:pass:6:::443");

        var answer = Ask("internet", "i-web", Protocols.Tcp, "443");

        Assert.Equal(Verdict.Blocked, answer.Verdict);
        Assert.Equal((ExplanationCodes.FirewallDefaultDrop, FirewallArn, true), (answer.Blocked!.Code, answer.Blocked.ResourceId, answer.Blocked.ReturnPath));
    }

    [Fact]
    public void A_stateless_drop_rule_blocks_with_its_rule_and_forwarded_traffic_passes_the_stateful_engine()
    {
        Firewall().Policy([StatelessArn], [], "aws:forward_to_sfe").Stateless("10:aws:drop:6:0.0.0.0/0::22");

        var ssh = Ask("internet", "i-web", Protocols.Tcp, "22");
        var web = Ask("internet", "i-web", Protocols.Tcp, "443");

        Assert.Equal((ExplanationCodes.FirewallRuleDrop, FirewallArn), (ssh.Blocked!.Code, ssh.Blocked.ResourceId));
        Assert.Contains("priority 10 aws:drop", ssh.Path[^1].Detail, StringComparison.Ordinal);
        Assert.Equal(Verdict.Reachable, web.Verdict);
        Assert.Contains("stateless default aws:forward_to_sfe; stateful: no rule matched, passes", web.Path[4].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stateless_drop_for_part_of_the_internet_removes_that_traffic_for_the_internet()
    {
        Firewall().Policy([StatelessArn], [], "aws:forward_to_sfe").Stateless("10:aws:drop:6:198.51.100.0/24::443");

        var fromAll = Ask("internet", "i-web", Protocols.Tcp, "443");
        var fromElsewhere = Ask("192.0.2.0/24", "i-web", Protocols.Tcp, "443");

        Assert.Equal((Verdict.Blocked, ExplanationCodes.FirewallRuleDrop), (fromAll.Verdict, fromAll.Blocked!.Code));
        Assert.Equal(Verdict.Reachable, fromElsewhere.Verdict);
    }

    [Fact]
    public void Stateful_five_tuple_rules_in_default_action_order_pass_before_they_drop()
    {
        Firewall().Policy([], [StatefulArn], "aws:forward_to_sfe")
            .Stateful("DROP TCP ANY ANY FORWARD ANY ANY", "PASS TCP ANY ANY FORWARD $WEB $WEB_PORTS", "ALERT UDP ANY ANY ANY ANY ANY");

        var web = Ask("internet", "i-web", Protocols.Tcp, "443");
        var ssh = Ask("internet", "i-web", Protocols.Tcp, "22");
        var dns = Ask("internet", "i-web", Protocols.Udp, "53");

        Assert.Equal(Verdict.Reachable, web.Verdict);
        Assert.Contains("stateful web PASS tcp $WEB $WEB_PORTS", web.Path[4].Detail.Replace("ANY ANY -> ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal((ExplanationCodes.FirewallRuleDrop, FirewallArn), (ssh.Blocked!.Code, ssh.Blocked.ResourceId));
        Assert.Contains("stateful web DROP tcp ANY ANY -> ANY ANY", ssh.Path[^1].Detail, StringComparison.Ordinal);
        Assert.Equal(Verdict.Reachable, dns.Verdict);
    }

    [Fact]
    public void Strict_order_ends_with_the_default_drop()
    {
        Firewall().Policy([], [StatefulArn], "aws:forward_to_sfe", strictDefault: "aws:drop_strict")
            .Stateful("PASS TCP ANY ANY FORWARD [10.1.1.0/24,10.9.0.0/16] [443,8443]");

        var all = Ask("internet", "i-web", null, "1-65535");
        var ssh = Ask("internet", "i-web", Protocols.Tcp, "22");

        Assert.Equal(Verdict.Reachable, all.Verdict);
        Assert.Equal("tcp 443", all.Reachable.ToString());
        Assert.Equal(ExplanationCodes.FirewallDefaultDrop, ssh.Blocked!.Code);
        Assert.Contains("stateful default aws:drop_strict", ssh.Path[^1].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_domain_list_cannot_be_decided_from_addresses_so_the_answer_is_unknown()
    {
        Firewall().Policy([], [StatefulArn], "aws:forward_to_sfe")
            .StatefulGroup(AllowList);

        var answer = Ask("i-web", "8.8.8.8", Protocols.Tcp, "443");

        Assert.Equal(Verdict.Unknown, answer.Verdict);
        Assert.True(answer.Reachable.IsEmpty);
        Assert.Equal("tcp 443", answer.PossiblyReachable.ToString());
        Assert.Contains(answer.Unknowns, u => u.Contains("domain list", StringComparison.Ordinal) && u.Contains("web", StringComparison.Ordinal));
        Assert.Contains(answer.Path, h => h.ResourceId == FirewallArn);
    }

    [Fact]
    public void In_strict_order_the_groups_before_a_domain_list_decide_and_only_what_they_leave_is_unknown()
    {
        Firewall().Policy([], [StatefulArn, DomainsArn], "aws:forward_to_sfe", strictDefault: "aws:alert_established")
            .Stateful("DROP TCP $HOME_NET ANY FORWARD ANY 445").StatefulGroup(AllowList, DomainsArn, "domains");

        var smb = Ask("i-web", "8.8.8.8", Protocols.Tcp, "445");
        var web = Ask("i-web", "8.8.8.8", Protocols.Tcp, "443");

        Assert.Equal((Verdict.Blocked, ExplanationCodes.FirewallRuleDrop, FirewallArn), (smb.Verdict, smb.Blocked!.Code, smb.Blocked.ResourceId));
        Assert.Contains("stateful web DROP tcp $HOME_NET ANY -> ANY 445", smb.Path[^1].Detail, StringComparison.Ordinal);
        Assert.Empty(smb.Unknowns);
        Assert.Equal((Verdict.Unknown, "tcp 443"), (web.Verdict, web.PossiblyReachable.ToString()));
        Assert.Contains(web.Unknowns, u => u.Contains("rule group domains is a domain list", StringComparison.Ordinal));
    }

    [Fact]
    public void In_strict_order_a_domain_list_first_leaves_the_later_drop_undecided()
    {
        Firewall().Policy([], [DomainsArn, StatefulArn], "aws:forward_to_sfe", strictDefault: "aws:alert_established")
            .Stateful("DROP TCP $HOME_NET ANY FORWARD ANY 445").StatefulGroup(AllowList, DomainsArn, "domains");

        var smb = Ask("i-web", "8.8.8.8", Protocols.Tcp, "445");

        Assert.Equal(Verdict.Unknown, smb.Verdict);
        Assert.Null(smb.Blocked);
    }

    [Fact]
    public void Suricata_rule_strings_are_unknown_too()
    {
        Firewall().Policy([], [StatefulArn], "aws:forward_to_sfe")
            .StatefulGroup("""{"RulesString":"drop tls $HOME_NET any -> $EXTERNAL_NET any (tls.sni; content:\"evil.com\"; sid:1;)"}""");

        var answer = Ask("i-web", "8.8.8.8", Protocols.Tcp, "443");

        Assert.Equal(Verdict.Unknown, answer.Verdict);
        Assert.Contains(answer.Unknowns, u => u.Contains("Suricata", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_rule_group_document_is_unknown_and_names_the_permission()
    {
        Firewall().Policy([StatelessArn], [], "aws:drop");

        var answer = Ask("internet", "i-web", Protocols.Tcp, "443");

        Assert.Equal(Verdict.Unknown, answer.Verdict);
        Assert.Contains(answer.Unknowns, u => u.Contains(StatelessArn, StringComparison.Ordinal) && u.Contains("network-firewall:DescribeRuleGroup", StringComparison.Ordinal));
    }

    [Fact]
    public void A_vpce_route_without_firewall_documents_stays_unknown_and_names_the_firewall_permission()
    {
        var answer = Ask("i-web", "8.8.8.8", Protocols.Tcp, "443");

        Assert.Equal(Verdict.Unknown, answer.Verdict);
        Assert.Contains(answer.Unknowns, u => u.Contains("vpce-0fw1", StringComparison.Ordinal) && u.Contains("network-firewall:ListFirewalls", StringComparison.Ordinal));
    }

    [Fact]
    public void Outbound_traffic_leaves_through_the_firewall_then_the_internet_gateway()
    {
        Firewall().Policy([], [StatefulArn], "aws:forward_to_sfe").Stateful("PASS TCP $HOME_NET ANY FORWARD ANY 443", "DROP IP ANY ANY FORWARD ANY ANY");

        var web = Ask("i-web", "8.8.8.8", Protocols.Tcp, "443");
        var other = Ask("i-web", "8.8.8.8", Protocols.Tcp, "80");

        Assert.Equal(Verdict.Reachable, web.Verdict);
        Assert.StartsWith("the internet", web.Exit, StringComparison.Ordinal);
        Assert.Equal(["eni-web", "sg-web", "rtb-web", "acl-a", "acl-a", FirewallArn, "rtb-fw", "acl-a", "igw-1", "internet"], web.Path.Select(h => h.ResourceId));
        Assert.Equal(ExplanationCodes.FirewallRuleDrop, other.Blocked!.Code);
    }

    [Fact]
    public void Exposure_counts_only_what_the_firewall_lets_through()
    {
        Firewall().Policy([StatelessArn], [], "aws:drop").Stateless("10:aws:pass:6:::443", "20:aws:pass:6::443:");
        var model = NetworkModel.Build([.. InspectionVpc().Documents(), .. firewallDocuments], []);

        var exposure = Assert.Single(ExposureAnalyzer.Analyze(model).Interfaces);

        Assert.Equal(("eni-web", "tcp 443"), (exposure.InterfaceId, exposure.Exposed.ToString()));
    }

    [Fact]
    public void A_reply_through_a_firewall_the_request_bypassed_has_no_flow_and_is_unknown()
    {
        Firewall().Policy([], [], "aws:forward_to_sfe");

        var answer = Ask("internet", "i-web", Protocols.Tcp, "443", edge: false);

        Assert.Equal(Verdict.Unknown, answer.Verdict);
        Assert.DoesNotContain(answer.Path, h => h.ResourceId == FirewallArn);
        Assert.Contains(answer.ReturnPath, h => h.ResourceId == FirewallArn && h.Detail.Contains("the request did not cross it", StringComparison.Ordinal));
        Assert.Contains(answer.Unknowns, u => u.Contains("asymmetric routing", StringComparison.Ordinal));
    }
}
