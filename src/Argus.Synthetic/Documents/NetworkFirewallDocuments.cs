using System.Text.Json;
using Argus.Aws.Operations;
using Argus.Core.Model;
using Argus.Synthetic.Regional;

namespace Argus.Synthetic.Documents;

/// <summary>
/// AWS Network Firewall answers as <c>aws network-firewall ... --output json</c> prints them: the (possibly empty)
/// list of firewalls in every region, then each firewall's description, its policy and the policy's rule groups.
/// </summary>
internal static class NetworkFirewallDocuments
{
    private const string AwsOwnedKey = "AWS_OWNED_KMS_KEY";

    public static IEnumerable<RawDocument> All(DocumentWriter d, RegionModel m)
    {
        yield return d.List(m.Account.Id, m.Region, AwsOperations.ListFirewalls, m.NetworkFirewalls, (w, firewall) =>
        {
            w.WriteString("FirewallName"u8, firewall.Name);
            w.WriteString("FirewallArn"u8, firewall.Arn);
        });
        foreach (var firewall in m.NetworkFirewalls)
        {
            yield return Firewall(d, m, firewall);
        }

        // The collector describes each policy and rule group once, however many firewalls share it.
        var policies = m.NetworkFirewalls.Select(f => f.Policy).DistinctBy(p => p.Arn).ToList();
        foreach (var policy in policies)
        {
            yield return Policy(d, m, policy);
        }

        foreach (var group in policies.SelectMany(p => p.Stateless.Concat(p.Stateful)).DistinctBy(g => g.Arn))
        {
            yield return RuleGroup(d, m, group);
        }
    }

    private static RawDocument Firewall(DocumentWriter d, RegionModel m, NetworkFirewallModel firewall)
    {
        var w = d.Start();
        w.WriteString("UpdateToken"u8, firewall.UpdateToken);
        w.WriteStartObject("Firewall"u8);
        w.WriteString("FirewallName"u8, firewall.Name);
        w.WriteString("FirewallArn"u8, firewall.Arn);
        w.WriteString("FirewallPolicyArn"u8, firewall.Policy.Arn);
        w.WriteString("VpcId"u8, firewall.Vpc.Id);
        w.WriteObjects("SubnetMappings"u8, firewall.Endpoints, e =>
        {
            w.WriteString("SubnetId"u8, e.Subnet.Id);
            w.WriteString("IPAddressType"u8, "IPV4");
        });
        w.WriteBoolean("DeleteProtection"u8, true);
        w.WriteBoolean("SubnetChangeProtection"u8, true);
        w.WriteBoolean("FirewallPolicyChangeProtection"u8, false);
        w.WriteString("FirewallId"u8, firewall.Id);
        w.WriteTags(firewall.Tags);
        Encryption(w);
        w.WriteEndObject();

        w.WriteStartObject("FirewallStatus"u8);
        w.WriteString("Status"u8, "READY");
        w.WriteString("ConfigurationSyncStateSummary"u8, "IN_SYNC");
        w.WriteStartObject("SyncStates"u8);
        foreach (var (subnet, endpoint) in firewall.Endpoints)
        {
            w.WriteStartObject(subnet.ZoneName);
            w.WriteStartObject("Attachment"u8);
            w.WriteString("SubnetId"u8, subnet.Id);
            w.WriteString("EndpointId"u8, endpoint);
            w.WriteString("Status"u8, "READY");
            w.WriteEndObject();
            w.WriteStartObject("Config"u8);
            Synced(w, firewall.Policy.Arn, firewall.Policy.UpdateToken);
            foreach (var group in firewall.Policy.Stateless.Concat(firewall.Policy.Stateful))
            {
                Synced(w, group.Arn, group.UpdateToken);
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.WriteEndObject();
        return d.Finish(m.Account.Id, m.Region, AwsOperations.DescribeFirewall, firewall.Arn);
    }

    private static RawDocument Policy(DocumentWriter d, RegionModel m, FirewallPolicyModel policy)
    {
        var w = d.Start();
        w.WriteString("UpdateToken"u8, policy.UpdateToken);
        w.WriteStartObject("FirewallPolicyResponse"u8);
        w.WriteString("FirewallPolicyName"u8, policy.Name);
        w.WriteString("FirewallPolicyArn"u8, policy.Arn);
        w.WriteString("FirewallPolicyId"u8, policy.Id);
        w.WriteString("Description"u8, policy.Description);
        w.WriteString("FirewallPolicyStatus"u8, "ACTIVE");
        w.WriteTags(policy.Tags);
        w.WriteNumber("ConsumedStatelessRuleCapacity"u8, policy.Stateless.Sum(g => g.StatelessRules.Count));
        w.WriteNumber("ConsumedStatefulRuleCapacity"u8, policy.Stateful.Sum(g => g.StatefulRules.Count + (g.DomainList?.Targets.Count * g.DomainList?.TargetTypes.Count ?? 0)));
        w.WriteNumber("NumberOfAssociations"u8, m.NetworkFirewalls.Count(f => f.Policy.Arn == policy.Arn));
        Encryption(w);
        w.WriteEndObject();

        w.WriteStartObject("FirewallPolicy"u8);
        w.WriteObjects("StatelessRuleGroupReferences"u8, policy.Stateless, g => Reference(w, g));
        w.WriteStrings("StatelessDefaultActions"u8, policy.StatelessDefaultActions);
        w.WriteStrings("StatelessFragmentDefaultActions"u8, policy.StatelessDefaultActions);
        w.WriteObjects("StatefulRuleGroupReferences"u8, policy.Stateful, g => Reference(w, g));
        w.WriteStrings("StatefulDefaultActions"u8, policy.StatefulDefaultActions);
        w.WriteStartObject("StatefulEngineOptions"u8);
        w.WriteString("RuleOrder"u8, "STRICT_ORDER");
        w.WriteString("StreamExceptionPolicy"u8, "DROP");
        w.WriteEndObject();
        w.WriteStartObject("PolicyVariables"u8);
        w.WriteStartObject("RuleVariables"u8);
        w.WriteStartObject("HOME_NET"u8);
        w.WriteStrings("Definition"u8, policy.HomeNet);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
        return d.Finish(m.Account.Id, m.Region, AwsOperations.DescribeFirewallPolicy, policy.Arn);
    }

    private static RawDocument RuleGroup(DocumentWriter d, RegionModel m, FirewallRuleGroupModel group)
    {
        var w = d.Start();
        w.WriteString("UpdateToken"u8, group.UpdateToken);
        w.WriteStartObject("RuleGroup"u8);
        w.WriteStartObject("RulesSource"u8);
        if (group.DomainList is { } list)
        {
            w.WriteStartObject("RulesSourceList"u8);
            w.WriteStrings("Targets"u8, list.Targets);
            w.WriteStrings("TargetTypes"u8, list.TargetTypes);
            w.WriteString("GeneratedRulesType"u8, list.GeneratedRulesType);
            w.WriteEndObject();
        }
        else if (group.Stateful)
        {
            w.WriteObjects("StatefulRules"u8, group.StatefulRules, r => StatefulRule(w, r));
        }
        else
        {
            w.WriteStartObject("StatelessRulesAndCustomActions"u8);
            w.WriteObjects("StatelessRules"u8, group.StatelessRules, r => StatelessRule(w, r));
            w.WriteEndObject();
        }

        w.WriteEndObject();
        if (group.Stateful)
        {
            w.WriteStartObject("StatefulRuleOptions"u8);
            w.WriteString("RuleOrder"u8, "STRICT_ORDER");
            w.WriteEndObject();
        }

        w.WriteEndObject();

        w.WriteStartObject("RuleGroupResponse"u8);
        w.WriteString("RuleGroupArn"u8, group.Arn);
        w.WriteString("RuleGroupName"u8, group.Name);
        w.WriteString("RuleGroupId"u8, group.Id);
        w.WriteString("Description"u8, group.Description);
        w.WriteString("Type"u8, group.Stateful ? "STATEFUL" : "STATELESS");
        w.WriteNumber("Capacity"u8, group.Capacity);
        w.WriteString("RuleGroupStatus"u8, "ACTIVE");
        w.WriteTags(group.Tags);
        w.WriteNumber("ConsumedCapacity"u8, group.StatelessRules.Count + group.StatefulRules.Count + (group.DomainList?.Targets.Count * group.DomainList?.TargetTypes.Count ?? 0));
        w.WriteNumber("NumberOfAssociations"u8, 1);
        Encryption(w);
        w.WriteEndObject();
        return d.Finish(m.Account.Id, m.Region, AwsOperations.DescribeRuleGroup, group.Arn);
    }

    private static void StatelessRule(Utf8JsonWriter w, StatelessRuleModel rule)
    {
        w.WriteStartObject("RuleDefinition"u8);
        w.WriteStartObject("MatchAttributes"u8);
        w.WriteObjects("Sources"u8, rule.Sources, a => w.WriteString("AddressDefinition"u8, a));
        w.WriteObjects("Destinations"u8, rule.Destinations, a => w.WriteString("AddressDefinition"u8, a));
        if (rule.Protocols.Count > 0)
        {
            w.WriteStartArray("Protocols"u8);
            foreach (var protocol in rule.Protocols)
            {
                w.WriteNumberValue(protocol);
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
        w.WriteStrings("Actions"u8, [rule.Action]);
        w.WriteEndObject();
        w.WriteNumber("Priority"u8, rule.Priority);
    }

    private static void StatefulRule(Utf8JsonWriter w, StatefulRuleModel rule)
    {
        w.WriteString("Action"u8, rule.Action);
        w.WriteStartObject("Header"u8);
        w.WriteString("Protocol"u8, rule.Protocol);
        w.WriteString("Source"u8, rule.Source);
        w.WriteString("SourcePort"u8, rule.SourcePort);
        w.WriteString("Direction"u8, rule.Direction);
        w.WriteString("Destination"u8, rule.Destination);
        w.WriteString("DestinationPort"u8, rule.DestinationPort);
        w.WriteEndObject();
        w.WriteStartArray("RuleOptions"u8);
        w.WriteStartObject();
        w.WriteString("Keyword"u8, "sid");
        w.WriteStrings("Settings"u8, [rule.Sid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        w.WriteEndObject();
        w.WriteEndArray();
    }

    private static void Reference(Utf8JsonWriter w, FirewallRuleGroupModel group)
    {
        w.WriteString("ResourceArn"u8, group.Arn);
        w.WriteNumber("Priority"u8, group.Priority);
    }

    private static void Synced(Utf8JsonWriter w, string arn, string token)
    {
        w.WriteStartObject(arn);
        w.WriteString("SyncStatus"u8, "IN_SYNC");
        w.WriteString("UpdateToken"u8, token);
        w.WriteEndObject();
    }

    private static void Encryption(Utf8JsonWriter w)
    {
        w.WriteStartObject("EncryptionConfiguration"u8);
        w.WriteString("KeyId"u8, AwsOwnedKey);
        w.WriteString("Type"u8, AwsOwnedKey);
        w.WriteEndObject();
    }
}
