using System.Text.Json;
using Argus.Core.Json;
using Argus.Posture.Aws;

namespace Argus.Posture.Checks.Networking;

/// <summary>Which ports of a security group are open to the whole IPv4 or IPv6 internet.</summary>
internal static class SecurityGroupIngress
{
    public const string AnyIpv4 = "0.0.0.0/0";
    public const string AnyIpv6 = "::/0";

    /// <summary>The ports among <paramref name="ports"/> that an ingress rule opens to <paramref name="source"/> (0.0.0.0/0 or ::/0).</summary>
    public static IReadOnlyList<OpenRule> OpenRules(JsonElement group, IEnumerable<int> ports, string source)
    {
        var rules = new List<OpenRule>();
        foreach (var permission in group.GetArray("IpPermissions"))
        {
            var ranges = source == AnyIpv6
                ? permission.GetArray("Ipv6Ranges").Select(r => r.GetString("CidrIpv6"))
                : permission.GetArray("IpRanges").Select(r => r.GetString("CidrIp"));
            if (!ranges.Contains(source))
            {
                continue;
            }

            var covered = ports.Where(p => PortRange.PermissionCovers(permission, p)).ToList();
            if (covered.Count > 0)
            {
                rules.Add(new OpenRule(permission.GetString("IpProtocol") ?? "", Int(permission, "FromPort"), Int(permission, "ToPort"), source, covered));
            }
        }

        return rules;
    }

    private static int? Int(JsonElement item, string property) =>
        item.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : null;
}

/// <summary>An ingress rule that opens some of the ports asked about to the whole internet.</summary>
internal sealed record OpenRule(string IpProtocol, int? FromPort, int? ToPort, string Source, IReadOnlyList<int> Ports);
