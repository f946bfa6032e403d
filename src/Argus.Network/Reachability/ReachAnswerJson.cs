using System.Text.Json;
using Argus.Core.Json;
using Argus.Network.Traffic;

namespace Argus.Network.Reachability;

/// <summary>The documented, stable JSON form of a reachability answer (docs/network.md, "reach --json").</summary>
public static class ReachAnswerJson
{
    public const int SchemaVersion = 1;

    public static string Serialize(ReachAnswer answer, bool indented = true)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, JsonText.WriterOptions with { Indented = indented }))
        {
            Write(writer, answer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static void Write(Utf8JsonWriter writer, ReachAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(answer);
        writer.WriteStartObject();
        writer.WriteNumber("schemaVersion", SchemaVersion);
        writer.WriteString("verdict", answer.Verdict.ToString().ToLowerInvariant());
        writer.WriteString("from", answer.From);
        writer.WriteString("to", answer.To);
        writer.WritePropertyName("requested");
        TrafficSetJson.Write(writer, answer.Requested);
        writer.WritePropertyName("reachable");
        TrafficSetJson.Write(writer, answer.Reachable);
        writer.WritePropertyName("possiblyReachable");
        TrafficSetJson.Write(writer, answer.PossiblyReachable);
        if (answer.Exit is null)
        {
            writer.WriteNull("exit");
        }
        else
        {
            writer.WriteString("exit", answer.Exit);
        }

        if (answer.Blocked is { } blocked)
        {
            writer.WriteStartObject("blocked");
            writer.WriteString("code", blocked.Code);
            writer.WriteString("resource", blocked.ResourceId);
            writer.WriteString("explanation", blocked.Explanation);
            writer.WriteBoolean("returnPath", blocked.ReturnPath);
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNull("blocked");
        }

        Hops(writer, "path", answer.Path);
        Hops(writer, "returnPath", answer.ReturnPath);
        Strings(writer, "unknowns", answer.Unknowns);
        Strings(writer, "notes", answer.Notes);
        writer.WriteEndObject();
    }

    public static void Hops(Utf8JsonWriter writer, string name, IReadOnlyList<Hop> hops)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(hops);
        writer.WriteStartArray(name);
        foreach (var hop in hops)
        {
            writer.WriteStartObject();
            writer.WriteString("resource", hop.ResourceId);
            writer.WriteString("type", hop.ResourceType);
            writer.WriteString("action", hop.Action);
            writer.WriteString("detail", hop.Detail);
            if (hop.Translation is null)
            {
                writer.WriteNull("translation");
            }
            else
            {
                writer.WriteString("translation", hop.Translation);
            }

            if (hop.Allowed is { } allowed)
            {
                writer.WritePropertyName("allowed");
                TrafficSetJson.Write(writer, allowed);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void Strings(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}
