using Argus.Synthetic.Topology;

namespace Argus.Synthetic.Regional;

/// <summary>The hub's AWS Network Firewall, inspecting what the spokes send to the internet through the egress VPC.</summary>
internal sealed partial class RegionPlanner
{
    /// <summary>Where the spokes' software comes from; each hub region allows a seeded few of them by name.</summary>
    private static readonly string[] SoftwareDomains =
        [".amazonaws.com", ".github.com", ".githubusercontent.com", ".ubuntu.com", ".docker.io", ".pypi.org", ".npmjs.org", ".microsoft.com"];

    /// <summary>Ports no spoke has any business opening to the internet: telnet and SMB.</summary>
    private static readonly int[] ForbiddenPorts = [23, 445];

    private void NetworkFirewall(VpcModel vpc, VpcSkeleton sk, string baseName)
    {
        var pick = org.Random(Account, Region.Name, "network-firewall");
        string Arn(string kind, string name) => $"arn:aws:network-firewall:{Region.Name}:{AccountId}:{kind}/{name}";
        string Token(string kind) => ids.Uuid("nfw-token:" + kind, 0);

        var forward = new FirewallRuleGroupModel(
            $"{baseName}-forward-to-stateful", Arn("stateless-rulegroup", $"{baseName}-forward-to-stateful"), ids.Uuid("nfw-group", 0), false, 10, 10,
            "Hands every packet to the stateful engine",
            [new StatelessRuleModel(10, ["0.0.0.0/0"], ["0.0.0.0/0"], [], "aws:forward_to_sfe")], [], null, Token("stateless"), Tags($"{baseName}-forward-to-stateful"));
        var blocked = new FirewallRuleGroupModel(
            $"{baseName}-blocked-ports", Arn("stateful-rulegroup", $"{baseName}-blocked-ports"), ids.Uuid("nfw-group", 1), true, 100, 100,
            "Drops telnet and SMB from the spokes to anywhere",
            [], [.. ForbiddenPorts.Select((port, i) => new StatefulRuleModel("DROP", "TCP", "$HOME_NET", "ANY", "FORWARD", "ANY", port.ToString(System.Globalization.CultureInfo.InvariantCulture), 1000 + i))],
            null, Token("blocked"), Tags($"{baseName}-blocked-ports"));
        var domains = SoftwareDomains.Where(d => d == ".amazonaws.com" || pick.Chance(0.5)).ToList();
        var allowed = new FirewallRuleGroupModel(
            $"{baseName}-allowed-domains", Arn("stateful-rulegroup", $"{baseName}-allowed-domains"), ids.Uuid("nfw-group", 2), true, 100, 200,
            "Web traffic from the spokes only to the software sources",
            [], [], new DomainListModel(domains, ["TLS_SNI", "HTTP_HOST"], "ALLOWLIST"), Token("allowed"), Tags($"{baseName}-allowed-domains"));
        var policy = new FirewallPolicyModel(
            $"{baseName}-inspection", Arn("firewall-policy", $"{baseName}-inspection"), ids.Uuid("nfw-policy", 0), "Egress inspection for the spoke VPCs",
            [forward], [blocked, allowed], ["aws:forward_to_sfe"], ["aws:alert_established"], [OrganizationRange], Token("policy"), Tags($"{baseName}-inspection"));
        var endpoints = vpc.Subnets.Where(s => s.Tier == SubnetTier.Firewall).Select(s => (s, sk.FirewallEndpointId(s.Zone))).ToList();
        var name = $"{baseName}-firewall";
        model.NetworkFirewalls.Add(new NetworkFirewallModel(
            name, Arn("firewall", name), ids.Uuid("nfw", 0), vpc, endpoints, policy, Token("firewall"), Tags(name)));
    }
}
