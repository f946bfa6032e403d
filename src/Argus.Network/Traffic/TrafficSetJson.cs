using System.Text.Json;

namespace Argus.Network.Traffic;

/// <summary>
/// A traffic set as JSON: <c>{"tcp":"22, 443","udp":"53","icmp":"0-255","protocols":"50"}</c>; empty components are
/// left out, so <c>{}</c> is nothing. Values use <see cref="PortSet.ToString"/>'s syntax.
/// </summary>
public static class TrafficSetJson
{
    public static void Write(Utf8JsonWriter writer, TrafficSet set)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(set);
        writer.WriteStartObject();
        foreach (var (protocol, values) in set.Components())
        {
            writer.WriteString(protocol, values.ToString());
        }

        writer.WriteEndObject();
    }
}
