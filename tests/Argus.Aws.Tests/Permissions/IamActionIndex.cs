using System.IO.Compression;
using System.Text.Json;
using Argus.Tests;

namespace Argus.Aws.Tests.Permissions;

/// <summary>AWS's published IAM actions and their access levels, from ../shared/fixtures/iam-actions.</summary>
internal static class IamActionIndex
{
    private static readonly Lazy<Dictionary<string, string>> Levels = new(Load);

    /// <summary>The access level string for an action (case-insensitive), or null when AWS has no such action.</summary>
    public static string? LevelOf(string action) => Levels.Value.GetValueOrDefault(action);

    private static Dictionary<string, string> Load()
    {
        using var file = File.OpenRead(TestPaths.Fixture("iam-actions", "iam-actions.json.gz"));
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var json = JsonDocument.Parse(gzip);
        var levels = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var service in json.RootElement.GetProperty("services").EnumerateObject())
        {
            foreach (var action in service.Value.GetProperty("actions").EnumerateObject())
            {
                levels[$"{service.Name}:{action.Name}"] = action.Value.GetProperty("accessLevel").GetString()!;
            }
        }

        return levels;
    }
}
