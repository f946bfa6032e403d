using System.Text;
using System.Text.Json;
using Argus.Aws.Operations;
using Argus.Core.Inventory;
using Argus.Core.Model;

namespace Argus.Aws.Tests.Normalization;

/// <summary>
/// Loads a folder of AWS CLI answers as one document group, the way the folder importer will: each file is the
/// operation whose result keys its top-level object has; the account is the first <c>OwnerId</c> in the data and
/// the region the first <c>AvailabilityZone</c> without its zone letter.
/// </summary>
internal static class FixtureGroup
{
    public static DocumentGroup Load(string folder)
    {
        var files = Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal).Select(f => (Path: f, Bytes: File.ReadAllBytes(f))).ToList();
        var account = files.Select(f => FirstString(f.Bytes, "OwnerId")).FirstOrDefault(v => v is not null)
            ?? throw new InvalidOperationException($"no OwnerId in {folder}");
        var zone = files.Select(f => FirstString(f.Bytes, "AvailabilityZone")).FirstOrDefault(v => v is not null)
            ?? throw new InvalidOperationException($"no AvailabilityZone in {folder}");
        var region = zone[..^1];
        var documents = files.Select(f =>
        {
            var operation = Recognize(f.Bytes) ?? throw new InvalidOperationException($"{f.Path} is no known AWS CLI answer");
            return new RawDocument(Provider.Aws, account, region, operation.Service, operation.Operation, null, f.Bytes);
        }).ToList();
        return new DocumentGroup(new DocumentGroupKey(Provider.Aws, account, region), documents);
    }

    /// <summary>The operation whose result keys are all top-level keys of the answer (the most specific one wins).</summary>
    private static AwsOperation? Recognize(byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        var keys = document.RootElement.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        return AwsOperations.All
            .Where(o => !o.PerResource && o.ResultKeys.All(keys.Contains))
            .OrderByDescending(o => o.ResultKeys.Count)
            .FirstOrDefault();
    }

    private static string? FirstString(byte[] json, string name)
    {
        using var document = JsonDocument.Parse(json);
        return Find(document.RootElement, name);
    }

    private static string? Find(JsonElement element, string name)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in element.EnumerateObject())
                {
                    if (p.Name == name && p.Value.ValueKind == JsonValueKind.String)
                    {
                        return p.Value.GetString();
                    }

                    if (Find(p.Value, name) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonValueKind.Array:
                return element.EnumerateArray().Select(e => Find(e, name)).FirstOrDefault(v => v is not null);
            default:
                return null;
        }
    }
}
