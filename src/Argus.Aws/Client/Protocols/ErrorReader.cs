using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace Argus.Aws.Client.Protocols;

/// <summary>Finds the AWS error code and message in a failed answer of any protocol.</summary>
internal static class ErrorReader
{
    public static (string Code, string Message) Read(string protocol, int status, HttpResponseHeaders headers, ReadOnlySpan<byte> body)
    {
        string? code = null;
        string? message = null;
        if (headers.TryGetValues("x-amzn-ErrorType", out var types))
        {
            code = Clean(types.First());
        }

        var text = Encoding.UTF8.GetString(body).TrimStart();
        if (text.StartsWith('<'))
        {
            try
            {
                var root = XDocument.Parse(text).Root!;
                code ??= root.Descendants().FirstOrDefault(e => e.Name.LocalName == "Code")?.Value;
                message = root.Descendants().FirstOrDefault(e => e.Name.LocalName == "Message")?.Value;
            }
            catch (System.Xml.XmlException)
            {
                // not XML after all: fall back to the HTTP status below
            }
        }
        else if (text.StartsWith('{'))
        {
            try
            {
                var json = JsonNode.Parse(text) as JsonObject;
                code ??= Clean(String(json, "__type") ?? String(json, "code") ?? String(json, "Code"));
                message = String(json, "message") ?? String(json, "Message");
            }
            catch (JsonException)
            {
                // likewise
            }
        }

        code ??= status switch
        {
            403 => "AccessDenied",
            429 => "TooManyRequestsException",
            404 => "NotFound",
            _ => "Http" + status,
        };
        return (code, message ?? $"{protocol} error with HTTP status {status}");
    }

    private static string? String(JsonObject? json, string name) =>
        json?[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    // "aws.protocoltests#ThrottlingException" and "ThrottlingException:http://..." both mean ThrottlingException.
    private static string? Clean(string? code)
    {
        if (code is null)
        {
            return null;
        }

        var hash = code.LastIndexOf('#');
        var colon = code.IndexOf(':', StringComparison.Ordinal);
        var trimmed = hash >= 0 ? code[(hash + 1)..] : code;
        return colon > hash && colon >= 0 ? trimmed[..trimmed.IndexOf(':', StringComparison.Ordinal)] : trimmed;
    }
}
