using System.Text.Json;
using Argus.Core.Json;

namespace Argus.Posture.Aws;

/// <summary>
/// Which ports a security group permission or network ACL entry covers, read the way EC2 does: protocol -1 (or
/// "all") covers every port; tcp/udp (6/17) use FromPort..ToPort; an ICMP or other protocol covers no TCP port.
/// </summary>
internal static class PortRange
{
    /// <summary>The remote administration ports CIS names (SSH and RDP), and CIFS.</summary>
    public static readonly int[] AdminPorts = [22, 3389];

    public const int Cifs = 445;

    /// <summary>True when a security group permission admits tcp (or udp) traffic to <paramref name="port"/>.</summary>
    public static bool PermissionCovers(JsonElement permission, int port)
    {
        var protocol = permission.GetString("IpProtocol") ?? "";
        if (protocol is "-1" or "all")
        {
            return true;
        }

        if (protocol is not ("tcp" or "6" or "udp" or "17"))
        {
            return false;
        }

        var from = Number(permission, "FromPort") ?? 0;
        var to = Number(permission, "ToPort") ?? 65535;
        return from == -1 || (from <= port && port <= to);
    }

    /// <summary>True when a network ACL entry's protocol and port range include tcp <paramref name="port"/>.</summary>
    public static bool EntryCovers(JsonElement entry, int port)
    {
        var protocol = entry.GetString("Protocol") ?? "";
        if (protocol is "-1" or "all")
        {
            return true;
        }

        if (protocol is not ("6" or "tcp" or "17" or "udp"))
        {
            return false;
        }

        if (entry.GetObject("PortRange") is not { } range)
        {
            return true;
        }

        var from = Number(range, "From") ?? 0;
        var to = Number(range, "To") ?? 65535;
        return from <= port && port <= to;
    }

    private static int? Number(JsonElement item, string property) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : null;
}
