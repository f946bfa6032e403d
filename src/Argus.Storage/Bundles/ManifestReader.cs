using System.Text.Json;
using Argus.Core.Import;

namespace Argus.Storage.Bundles;

/// <summary>Reads and checks a bundle's <c>manifest.json</c>; every problem names the manifest and, where it can, the position or field.</summary>
internal static class ManifestReader
{
    public static BundleManifest Parse(string path, ReadOnlySpan<byte> utf8)
    {
        CheckFormatAndVersion(path, utf8);
        BundleManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize(utf8, BundleManifestJson.Default.BundleManifest);
        }
        catch (JsonException e)
        {
            // Syntax errors were caught by the first pass; what is left is a field of the wrong type, missing or null.
            var detail = e.Message.Split([" Path:", " Consider "], 2, StringSplitOptions.None)[0].TrimEnd();
            throw new ImportException(path, $"the manifest does not fit format version {BundleManifest.CurrentVersion} at {e.Path ?? "$"}: {detail}",
                e.LineNumber + 1, e.BytePositionInLine + 1, e);
        }

        if (manifest is null)
        {
            throw new ImportException(path, "the manifest is null");
        }

        Validate(path, manifest);
        return manifest;
    }

    /// <summary>
    /// Reads only the top-level <c>format</c> and <c>version</c> first, so that a manifest of another format or
    /// a later version gets that answer rather than an error about a field this version does not know.
    /// </summary>
    private static void CheckFormatAndVersion(string path, ReadOnlySpan<byte> utf8)
    {
        string? format = null;
        int? version = null;
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = 64 });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new ImportException(path, "the manifest is not a JSON object");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                if (name == "format" && reader.TokenType == JsonTokenType.String)
                {
                    format = reader.GetString();
                }
                else if (name == "version" && reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var v))
                {
                    version = v;
                }
                else
                {
                    reader.Skip();
                }
            }
        }
        catch (JsonException e)
        {
            throw ImportException.FromJson(path, e);
        }

        if (format != BundleManifest.FormatName)
        {
            throw new ImportException(path, format is null
                ? $"not an Argus bundle manifest: no \"format\": \"{BundleManifest.FormatName}\""
                : $"not an Argus bundle manifest: format is '{format}', expected '{BundleManifest.FormatName}'");
        }

        if (version != BundleManifest.CurrentVersion)
        {
            throw new ImportException(path, version is null
                ? "the manifest has no integer \"version\""
                : $"bundle format version {version} is not one this Argus reads (it reads version {BundleManifest.CurrentVersion}); "
                  + (version > BundleManifest.CurrentVersion ? "a newer Argus wrote it: upgrade Argus" : "it is not a version Argus ever wrote"));
        }
    }

    private static void Validate(string path, BundleManifest manifest)
    {
        if (string.IsNullOrWhiteSpace(manifest.Snapshot.Id))
        {
            throw new ImportException(path, "snapshot.id is empty");
        }

        var paths = new HashSet<string>(StringComparer.Ordinal);
        var keys = new HashSet<(Core.Model.Provider, string, string, string, string, string?)>();
        for (var i = 0; i < manifest.Documents.Count; i++)
        {
            var d = manifest.Documents[i];
            var problem = BundlePaths.Problem(d.Path)
                ?? (d.Path == BundlePaths.Manifest ? "the path is the manifest's own" : null)
                ?? (!paths.Add(d.Path) ? "another document has the same path" : null)
                ?? (d.Size < 0 ? "size is negative" : null)
                ?? (d.Sha256.Length != 64 || !d.Sha256.All(char.IsAsciiHexDigitLower) ? "sha256 is not 64 lower-case hex digits" : null)
                ?? (new[] { d.Account, d.Region, d.Service, d.Operation }.Any(string.IsNullOrEmpty) ? "account, region, service and operation must not be empty" : null)
                ?? (!keys.Add((d.Provider, d.Account, d.Region, d.Service, d.Operation, d.Resource)) ? "another document answers the same operation for the same account, region and resource" : null);
            if (problem is not null)
            {
                throw new ImportException(path, $"documents[{i}] ({d.Path}): {problem}");
            }
        }
    }
}
