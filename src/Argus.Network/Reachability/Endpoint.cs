using Argus.Network.Addressing;

namespace Argus.Network.Reachability;

/// <summary>One end of a reachability query: an instance, an interface, an address, a CIDR block or the internet.</summary>
public sealed record Endpoint(EndpointKind Kind, string Text, IpPrefix? Prefix)
{
    public static readonly Endpoint Internet = new(EndpointKind.Internet, "internet", null);

    /// <summary>Parses <c>i-...</c>, <c>eni-...</c>, <c>10.0.1.5</c>, <c>10.0.0.0/24</c>, <c>2001:db8::1</c> or <c>internet</c>.</summary>
    /// <exception cref="FormatException">The text is none of these.</exception>
    public static Endpoint Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var value = text.Trim();
        if (value.Equals("internet", StringComparison.OrdinalIgnoreCase))
        {
            return Internet;
        }

        if (value.StartsWith("i-", StringComparison.Ordinal) && value.Length > 2)
        {
            return new Endpoint(EndpointKind.Instance, value, null);
        }

        if (value.StartsWith("eni-", StringComparison.Ordinal) && value.Length > 4)
        {
            return new Endpoint(EndpointKind.Interface, value, null);
        }

        if (IpPrefix.TryParse(value, out var prefix))
        {
            return prefix.IsAddress ? new Endpoint(EndpointKind.Address, value, prefix) : new Endpoint(EndpointKind.Cidr, prefix.ToString(), prefix);
        }

        throw new FormatException($"'{text}' is not an endpoint: expected an instance id (i-...), an interface id (eni-...), an IP address, a CIDR block or 'internet'");
    }

    public override string ToString() => Text;
}
