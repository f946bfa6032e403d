using System.Text.Json;
using System.Text.Json.Serialization;
using Argus.Core.Model;

namespace Argus.Storage.Bundles;

/// <summary>
/// The manifest's JSON contract: camelCase names, enums as lower-case kebab strings (<c>aws</c>,
/// <c>access-denied</c>, <c>complete</c>), nulls refused where the model has no null.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    Converters = [typeof(KebabEnumConverter<Provider>), typeof(KebabEnumConverter<GapReason>), typeof(KebabEnumConverter<SnapshotStatus>)])]
[JsonSerializable(typeof(BundleManifest))]
internal sealed partial class BundleManifestJson : JsonSerializerContext
{
    /// <summary>Writes resource names and labels as they are ('+', non-ASCII letters) instead of \u escapes, so the manifest stays readable.</summary>
    public static BundleManifestJson Readable => readable ??= new(new JsonSerializerOptions(Default.Options)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    private static BundleManifestJson? readable;
}
