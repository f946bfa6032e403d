using Argus.Network.Addressing;
using Argus.Network.Traffic;

namespace Argus.Network.Model;

/// <summary>One network ACL entry: evaluated in rule-number order, the first that matches decides.</summary>
public sealed record NetworkAclEntry(int RuleNumber, bool Egress, bool Allow, IpPrefix Cidr, TrafficSet Traffic)
{
    public override string ToString() => $"rule {(RuleNumber == 32767 ? "*" : RuleNumber.ToString(System.Globalization.CultureInfo.InvariantCulture))} {(Allow ? "allow" : "deny")} {Traffic} {(Egress ? "to" : "from")} {Cidr}";
}
