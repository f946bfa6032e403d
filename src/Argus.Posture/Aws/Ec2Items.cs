using System.Text.Json;
using Argus.Core.Json;
using Argus.Posture.Engine;

namespace Argus.Posture.Aws;

/// <summary>Helpers for EC2 answers: instances inside reservations, tags, ARNs.</summary>
public static class Ec2Items
{
    /// <summary>Instances of a DescribeInstances answer, without terminated ones.</summary>
    public static IEnumerable<JsonElement> Instances(Lookup lookup) =>
        PostureContext.Items(lookup)
            .SelectMany(r => r.GetArray("Instances"))
            .Where(i => i.GetObject("State")?.GetString("Name") is not ("terminated" or "shutting-down"));

    public static string Arn(string account, string region, string kind, string id) => $"arn:aws:ec2:{region}:{account}:{kind}/{id}";

    /// <summary>The item's <c>Tags</c>, <c>TagSet</c> or <c>TagList</c> (Key/Value lists) as a dictionary.</summary>
    public static IReadOnlyDictionary<string, string> Tags(JsonElement item)
    {
        // Most answers use Tags; looking the others up only when it is absent saves two scans of large items.
        var list = item.GetArray("Tags");
        if (!item.TryGetProperty("Tags", out _))
        {
            list = item.TryGetProperty("TagSet", out _) ? item.GetArray("TagSet") : item.GetArray("TagList");
        }

        return TagList(list);
    }

    /// <summary>A Key/Value list (an item's tags, a DLM policy's target tags) as a dictionary; a repeated key keeps the last value.</summary>
    public static IReadOnlyDictionary<string, string> TagList(IEnumerable<JsonElement> list)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var tag in list)
        {
            if (tag.GetString("Key") is { } key)
            {
                tags[key] = tag.GetString("Value") ?? "";
            }
        }

        return tags;
    }

    public static string Name(JsonElement item, string fallback) => Name(Tags(item), fallback);

    public static string Name(IReadOnlyDictionary<string, string> tags, string fallback) => tags.TryGetValue("Name", out var name) ? name : fallback;
}
