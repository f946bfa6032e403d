using System.Text.Json;
using System.Text.Json.Nodes;
using Argus.Aws.Operations;

namespace Argus.Aws.Redaction;

/// <summary>
/// Removes secrets that some read-only AWS answers carry before anything is stored: Argus never stores
/// credentials, even when a user hands them over inside AWS CLI output. Today that is the VPN tunnels'
/// pre-shared keys, which <c>ec2:DescribeVpnConnections</c> returns in <c>Options.TunnelOptions[].PreSharedKey</c>
/// and inside the <c>CustomerGatewayConfiguration</c> XML.
/// </summary>
public static class SecretRedactor
{
    private static readonly Dictionary<(string Service, string Operation), string[]> SecretProperties = new()
    {
        [("ec2", "DescribeVpnConnections")] = ["PreSharedKey", "CustomerGatewayConfiguration"],
    };

    /// <summary>The answer with every secret property removed, and how many were removed.</summary>
    public static (byte[] Json, int Removed) Redact(AwsOperation operation, byte[] json)
    {
        if (!SecretProperties.TryGetValue((operation.Service, operation.Operation), out var names))
        {
            return (json, 0);
        }

        var root = JsonNode.Parse(json);
        var removed = Remove(root, names);
        return removed == 0 ? (json, 0) : (JsonSerializer.SerializeToUtf8Bytes(root), removed);
    }

    private static int Remove(JsonNode? node, string[] names)
    {
        var removed = 0;
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in names)
                {
                    if (obj.Remove(name))
                    {
                        removed++;
                    }
                }

                foreach (var (_, child) in obj)
                {
                    removed += Remove(child, names);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    removed += Remove(child, names);
                }

                break;
        }

        return removed;
    }
}
