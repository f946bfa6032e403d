namespace Argus.Network.Model.Firewall;

/// <summary>
/// One stateful 5-tuple rule as written: <c>PASS tcp $HOME_NET ANY -> 10.0.0.0/8 443 (FORWARD)</c>. Addresses and
/// ports stay text (variables, lists) and are resolved against the rule group's and the policy's variables when
/// evaluated.
/// </summary>
public sealed record StatefulRule(string Action, string Protocol, string Source, string SourcePort, string Direction, string Destination, string DestinationPort)
{
    public bool Bidirectional => string.Equals(Direction, "ANY", StringComparison.OrdinalIgnoreCase);

    public override string ToString() =>
        $"{Action} {Protocol.ToLowerInvariant()} {Source} {SourcePort} {(Bidirectional ? "<>" : "->")} {Destination} {DestinationPort}";
}
