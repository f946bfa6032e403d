using System.Text.Json;
using Argus.Core.Json;

namespace Argus.Posture.Aws;

/// <summary>
/// IAM and resource policy documents as they appear in answers: a JSON object (what the AWS CLI prints for IAM
/// policy versions), a JSON string (bucket and key policies) or a URL-encoded string (the raw IAM API).
/// </summary>
public static class PolicyDocument
{
    /// <summary>The statements of a policy, each as a JSON object; a malformed policy gives none.</summary>
    public static IReadOnlyList<JsonElement> Statements(JsonElement policy)
    {
        var document = policy;
        if (policy.ValueKind == JsonValueKind.String)
        {
            var text = policy.GetString() ?? "";
            if (text.StartsWith('%'))
            {
                text = Uri.UnescapeDataString(text);
            }

            try
            {
                document = JsonDocument.Parse(text).RootElement.Clone();
            }
            catch (JsonException)
            {
                return [];
            }
        }

        if (document.ValueKind != JsonValueKind.Object || !document.TryGetProperty("Statement", out var statement))
        {
            return [];
        }

        return statement.ValueKind switch
        {
            JsonValueKind.Array => statement.EnumerateArray().Where(s => s.ValueKind == JsonValueKind.Object).ToList(),
            JsonValueKind.Object => [statement],
            _ => [],
        };
    }

    /// <summary>A statement's string or string-list member as a list.</summary>
    public static IReadOnlyList<string> Values(JsonElement statement, string member) =>
        statement.ValueKind == JsonValueKind.Object && statement.TryGetProperty(member, out var v)
            ? v.ValueKind switch
            {
                JsonValueKind.String => [v.GetString()!],
                JsonValueKind.Array => v.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToList(),
                _ => [],
            }
            : [];

    public static bool IsAllow(JsonElement statement) => statement.GetString("Effect") == "Allow";

    public static bool IsDeny(JsonElement statement) => statement.GetString("Effect") == "Deny";

    /// <summary>True for <c>"Principal": "*"</c> and <c>{"AWS": "*"}</c>.</summary>
    public static bool PrincipalIsEveryone(JsonElement statement)
    {
        if (!statement.TryGetProperty("Principal", out var principal))
        {
            return false;
        }

        return principal.ValueKind == JsonValueKind.String
            ? principal.GetString() == "*"
            : principal.ValueKind == JsonValueKind.Object && principal.TryGetProperty("AWS", out var aws)
                && (aws.ValueKind == JsonValueKind.String ? aws.GetString() == "*" : aws.ValueKind == JsonValueKind.Array && aws.EnumerateArray().Any(a => a.GetString() == "*"));
    }

    /// <summary>An Allow of every action on every resource without conditions: full administrator.</summary>
    public static bool GrantsFullAdmin(JsonElement statement) =>
        IsAllow(statement)
        && Values(statement, "Action").Contains("*")
        && Values(statement, "Resource").Contains("*")
        && !statement.TryGetProperty("Condition", out _);

    public static bool HasCondition(JsonElement statement) =>
        statement.TryGetProperty("Condition", out var c) && c.ValueKind == JsonValueKind.Object && c.EnumerateObject().Any();
}
