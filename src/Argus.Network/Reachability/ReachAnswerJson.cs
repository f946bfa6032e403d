using System.Text.Json;
using Argus.Network.Traffic;

namespace Argus.Network.Reachability;

/// <summary>The documented, stable JSON form of a reachability answer (docs/network.md, "reach --json").</summary>
public static class ReachAnswerJson
{
    public const int SchemaVersion = 1;

    public static string Serialize(ReachAnswer answer, bool indented = true) => JsonOutput.Write(w => Write(w, answer), indented);

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
        writer.WriteStringOrNull("exit", answer.Exit);

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
        writer.WriteStrings("unknowns", answer.Unknowns);
        writer.WriteStrings("notes", answer.Notes);
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
            writer.WriteStringOrNull("translation", hop.Translation);

            if (hop.Allowed is { } allowed)
            {
                writer.WritePropertyName("allowed");
                TrafficSetJson.Write(writer, allowed);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
