using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Argus.Aws.Client.Protocols;

/// <summary>Scalar conversions shared by the protocols: parameters in, CLI-shaped values out.</summary>
internal static class WireValues
{
    /// <summary>A parameter value as text on the wire (query strings, headers, URI labels).</summary>
    public static string Text(JsonNode value, string type, string name) => type switch
    {
        "boolean" => Bool(value, name) ? "true" : "false",
        "timestamp" => Timestamp(value, name).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        _ => value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.Number => value.ToJsonString(),
            var kind => throw new ArgumentException($"parameter {name} must be a {type}, not a JSON {kind}"),
        },
    };

    public static bool Bool(JsonNode value, string name) => value.GetValueKind() switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String when bool.TryParse(value.GetValue<string>(), out var b) => b,
        _ => throw new ArgumentException($"parameter {name} must be a boolean"),
    };

    /// <summary>A timestamp parameter given as ISO-8601 text or epoch seconds.</summary>
    public static DateTimeOffset Timestamp(JsonNode value, string name) => value.GetValueKind() switch
    {
        JsonValueKind.Number => DateTimeOffset.UnixEpoch.AddSeconds(value.GetValue<double>()),
        JsonValueKind.String when DateTimeOffset.TryParse(value.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) => t.ToUniversalTime(),
        _ => throw new ArgumentException($"parameter {name} must be an ISO-8601 timestamp or epoch seconds"),
    };

    /// <summary>A timestamp as the AWS CLI prints it (Python's isoformat in UTC): <c>2024-05-01T12:30:00+00:00</c>.</summary>
    public static string CliTimestamp(DateTimeOffset t)
    {
        var utc = t.ToUniversalTime();
        var fraction = utc.Ticks % TimeSpan.TicksPerSecond;
        var format = fraction == 0 ? "yyyy-MM-dd'T'HH:mm:ss'+00:00'" : "yyyy-MM-dd'T'HH:mm:ss.ffffff'+00:00'";
        return utc.ToString(format, CultureInfo.InvariantCulture);
    }

    /// <summary>A scalar read from XML text or a header, typed per the model.</summary>
    public static JsonNode? Scalar(string text, string type) => type switch
    {
        "boolean" => JsonValue.Create(string.Equals(text.Trim(), "true", StringComparison.OrdinalIgnoreCase)),
        "integer" or "long" => long.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var l)
            ? JsonValue.Create(l) : throw new InvalidDataException($"'{text}' is not an integer"),
        "float" or "double" => double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
            ? JsonValue.Create(d) : throw new InvalidDataException($"'{text}' is not a number"),
        "timestamp" => JsonValue.Create(CliTimestamp(ParseTimestamp(text))),
        _ => JsonValue.Create(text),
    };

    /// <summary><see cref="Scalar"/> written straight to JSON: the same value a serialized scalar node gives.</summary>
    public static void WriteScalar(Utf8JsonWriter json, string text, string type)
    {
        switch (type)
        {
            case "boolean":
                json.WriteBooleanValue(string.Equals(text.Trim(), "true", StringComparison.OrdinalIgnoreCase));
                break;
            case "integer" or "long":
                json.WriteNumberValue(long.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var l)
                    ? l : throw new InvalidDataException($"'{text}' is not an integer"));
                break;
            case "float" or "double":
                json.WriteNumberValue(double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
                    ? d : throw new InvalidDataException($"'{text}' is not a number"));
                break;
            case "timestamp":
                json.WriteStringValue(CliTimestamp(ParseTimestamp(text)));
                break;
            default:
                json.WriteStringValue(text);
                break;
        }
    }

    private static DateTimeOffset ParseTimestamp(string text)
    {
        var trimmed = text.Trim();
        if (double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var epoch))
        {
            return DateTimeOffset.UnixEpoch.AddSeconds(epoch);
        }

        return DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t)
            ? t : throw new InvalidDataException($"'{text}' is not a timestamp");
    }
}
