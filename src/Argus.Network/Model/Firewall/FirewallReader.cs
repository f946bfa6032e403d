using System.Text.Json;
using Argus.Network.Addressing;
using Argus.Network.Traffic;

namespace Argus.Network.Model.Firewall;

/// <summary>Reads <c>network-firewall</c> answers (describe-firewall, describe-firewall-policy, describe-rule-group) in the AWS CLI's shapes.</summary>
internal static class FirewallReader
{
    public static NetworkFirewall? Firewall(JsonElement root, ResourceScope scope)
    {
        if (root.Obj("Firewall") is not { } f || f.Str("FirewallArn") is not { } arn || f.Str("VpcId") is not { } vpc)
        {
            return null;
        }

        var endpoints = new Dictionary<string, string>(StringComparer.Ordinal);
        if (root.Obj("FirewallStatus")?.Obj("SyncStates") is { ValueKind: JsonValueKind.Object } states)
        {
            foreach (var zone in states.EnumerateObject())
            {
                if (zone.Value.ValueKind == JsonValueKind.Object && zone.Value.Obj("Attachment") is { } attachment
                    && attachment.Str("EndpointId") is { } endpoint && attachment.Str("SubnetId") is { } subnet)
                {
                    endpoints[endpoint] = subnet;
                }
            }
        }

        return new NetworkFirewall(arn, f.Str("FirewallName") ?? arn, vpc, f.Str("FirewallPolicyArn"), scope, endpoints);
    }

    public static FirewallPolicy? Policy(JsonElement root)
    {
        if (root.Obj("FirewallPolicyResponse") is not { } response || response.Str("FirewallPolicyArn") is not { } arn || root.Obj("FirewallPolicy") is not { } p)
        {
            return null;
        }

        static List<FirewallGroupReference> References(JsonElement p, string key) =>
            [.. p.Arr(key).Select(r => (Arn: r.Str("ResourceArn"), Priority: r.Int("Priority") ?? int.MaxValue))
                .Where(r => r.Arn is not null).Select(r => new FirewallGroupReference(r.Arn!, r.Priority))];

        var variables = p.Obj("PolicyVariables")?.Obj("RuleVariables") is { } v ? Sets(v) : new Dictionary<string, IReadOnlyList<string>>();
        return new FirewallPolicy(
            arn, response.Str("FirewallPolicyName") ?? arn,
            [.. References(p, "StatelessRuleGroupReferences").OrderBy(r => r.Priority)],
            References(p, "StatefulRuleGroupReferences"),
            Strings(p, "StatelessDefaultActions"), Strings(p, "StatefulDefaultActions"),
            p.Obj("StatefulEngineOptions")?.Str("RuleOrder") == "STRICT_ORDER",
            variables);
    }

    public static FirewallRuleGroup? RuleGroup(JsonElement root)
    {
        if (root.Obj("RuleGroupResponse") is not { } response || response.Str("RuleGroupArn") is not { } arn)
        {
            return null;
        }

        var name = response.Str("RuleGroupName") ?? arn;
        var stateful = response.Str("Type") != "STATELESS";
        var group = root.Obj("RuleGroup");
        var source = group?.Obj("RulesSource");
        var ipSets = group?.Obj("RuleVariables")?.Obj("IPSets") is { } ips ? Sets(ips) : new Dictionary<string, IReadOnlyList<string>>();
        var portSets = group?.Obj("RuleVariables")?.Obj("PortSets") is { } ports
            ? ports.EnumerateObject().ToDictionary(s => s.Name, s => (IReadOnlyList<string>)Strings(s.Value, "Definition"), StringComparer.Ordinal)
            : new Dictionary<string, IReadOnlyList<string>>();
        string? undecidable = source switch
        {
            null => $"rule group {name} has no rules in its description",
            { } s when s.Obj("RulesSourceList") is { } list =>
                $"rule group {name} is a domain list ({string.Join(", ", Strings(list, "TargetTypes"))} {list.Str("GeneratedRulesType")?.ToLowerInvariant()}): it decides on host names, not addresses",
            { } s when s.Str("RulesString") is not null => $"rule group {name} holds Suricata rules, which can match on payloads and flows beyond addresses and ports",
            _ => null,
        };

        var stateless = source?.Obj("StatelessRulesAndCustomActions") is { } sl ? sl.Arr("StatelessRules").Select(Stateless).OfType<StatelessRule>().OrderBy(r => r.Priority).ToList() : [];
        var statefulRules = source?.Arr("StatefulRules").Select(StatefulRule).OfType<StatefulRule>().ToList() ?? [];
        return new FirewallRuleGroup(arn, name, stateful, stateless, statefulRules, ipSets, portSets, undecidable);
    }

    private static StatelessRule? Stateless(JsonElement r)
    {
        if (r.Obj("RuleDefinition") is not { } definition || definition.Obj("MatchAttributes") is not { } m)
        {
            return null;
        }

        static List<IpPrefix> Addresses(JsonElement m, string key) =>
            [.. m.Arr(key).Select(a => IpPrefix.TryParse(a.Str("AddressDefinition"), out var p) ? p : (IpPrefix?)null).OfType<IpPrefix>()];

        static PortSet Ports(JsonElement m, string key)
        {
            var ranges = m.Arr(key).Select(p => (From: p.Int("FromPort") ?? 0, To: p.Int("ToPort") ?? p.Int("FromPort") ?? PortSet.MaxPort)).ToList();
            return ranges.Count == 0 ? PortSet.AllPorts : PortSet.Of(ranges);
        }

        var protocols = m.Arr("Protocols").Where(p => p.ValueKind == JsonValueKind.Number).Select(p => (p.GetInt32(), p.GetInt32())).ToList();
        var action = Strings(definition, "Actions").FirstOrDefault(a => a.StartsWith("aws:", StringComparison.Ordinal)) ?? "aws:pass";
        return new StatelessRule(
            r.Int("Priority") ?? int.MaxValue, Addresses(m, "Sources"), Addresses(m, "Destinations"),
            protocols.Count == 0 ? null : PortSet.Of(protocols), Ports(m, "SourcePorts"), Ports(m, "DestinationPorts"),
            m.Arr("TCPFlags").Any(), action);
    }

    private static StatefulRule? StatefulRule(JsonElement r)
    {
        if (r.Str("Action") is not { } action || r.Obj("Header") is not { } h)
        {
            return null;
        }

        return new StatefulRule(action.ToUpperInvariant(), h.Str("Protocol") ?? "IP", h.Str("Source") ?? "ANY", h.Str("SourcePort") ?? "ANY",
            h.Str("Direction") ?? "FORWARD", h.Str("Destination") ?? "ANY", h.Str("DestinationPort") ?? "ANY");
    }

    private static Dictionary<string, IReadOnlyList<string>> Sets(JsonElement variables) =>
        variables.ValueKind != JsonValueKind.Object ? [] : variables.EnumerateObject()
            .ToDictionary(s => s.Name, s => (IReadOnlyList<string>)Strings(s.Value, "Definition"), StringComparer.Ordinal);

    private static List<string> Strings(JsonElement e, string key) =>
        [.. e.Arr(key).Where(s => s.ValueKind == JsonValueKind.String).Select(s => s.GetString()!)];
}
