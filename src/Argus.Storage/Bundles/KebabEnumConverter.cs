using System.Text.Json;
using System.Text.Json.Serialization;

namespace Argus.Storage.Bundles;

/// <summary>Enum values as <c>access-denied</c>; numbers are refused so a manifest says what it means.</summary>
internal sealed class KebabEnumConverter<T>() : JsonStringEnumConverter<T>(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false)
    where T : struct, Enum;
