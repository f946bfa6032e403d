using System.Globalization;
using System.Text.Json;

namespace Argus.Posture.Aws;

/// <summary>Timestamps as the AWS CLI and the credential report print them.</summary>
internal static class AwsTime
{
    /// <summary>An ISO 8601 time, or null for N/A, no_information, not_supported and anything unparsable.</summary>
    public static DateTimeOffset? Parse(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at) ? at : null;

    public static DateTimeOffset? Read(JsonElement item, string property) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty(property, out var v)
            ? v.ValueKind switch
            {
                JsonValueKind.String => Parse(v.GetString()),
                JsonValueKind.Number => DateTimeOffset.FromUnixTimeMilliseconds((long)(v.GetDouble() * 1000)),
                _ => null,
            }
            : null;

    /// <summary>Whole days from <paramref name="then"/> to <paramref name="now"/>.</summary>
    public static int DaysBetween(DateTimeOffset then, DateTimeOffset now) => (int)Math.Floor((now - then).TotalDays);
}
