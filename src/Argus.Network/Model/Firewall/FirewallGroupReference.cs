namespace Argus.Network.Model.Firewall;

/// <summary>A policy's reference to a rule group; stateless groups run in ascending priority, stateful ones too under strict order.</summary>
public sealed record FirewallGroupReference(string Arn, int Priority);
