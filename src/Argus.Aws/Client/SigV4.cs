using System.Globalization;
using System.Text;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Auth;
using Amazon.Util;
using Argus.Aws.Client.Protocols;

namespace Argus.Aws.Client;

/// <summary>
/// Signs a request with Signature Version 4. The canonical request is built here (the client's requests are
/// simple: no chunked bodies); key derivation and the signature come from AWSSDK.Core's AWS4Signer.
/// </summary>
internal static class SigV4
{
    public static HttpRequestMessage Sign(AwsHttpRequest request, Uri endpoint, ImmutableCredentials credentials, string region, string service, DateTime now)
    {
        var uri = new Uri(endpoint, endpoint.AbsolutePath.TrimEnd('/') + request.PathAndQuery);
        var payloadHash = AWSSDKUtils.ToHex(AWS4Signer.ComputeHash(request.Body), true);
        var headers = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["host"] = uri.IsDefaultPort ? uri.Host : uri.Authority,
            ["x-amz-date"] = now.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture),
        };
        foreach (var (name, value) in request.Headers)
        {
            headers[name.ToLowerInvariant()] = value.Trim();
        }

        if (service == "s3")
        {
            headers["x-amz-content-sha256"] = payloadHash;
        }

        if (credentials.UseToken)
        {
            headers["x-amz-security-token"] = credentials.Token;
        }

        var signedHeaders = string.Join(";", headers.Keys);
        var canonical = new StringBuilder()
            .Append(request.Method).Append('\n')
            .Append(CanonicalPath(uri, doubleEncode: service != "s3")).Append('\n')
            .Append(CanonicalQuery(uri.Query)).Append('\n')
            .Append(string.Concat(headers.Select(h => h.Key + ":" + h.Value + "\n"))).Append('\n')
            .Append(signedHeaders).Append('\n')
            .Append(payloadHash)
            .ToString();
        var signature = AWS4Signer.ComputeSignature(credentials, region, now, service, signedHeaders, canonical);

        var message = new HttpRequestMessage(new HttpMethod(request.Method), uri);
        var content = new ByteArrayContent(request.Body);
        foreach (var (name, value) in headers)
        {
            if (name == "host")
            {
                continue;
            }

            if (name == "content-type")
            {
                content.Headers.TryAddWithoutValidation("Content-Type", value);
            }
            else
            {
                message.Headers.TryAddWithoutValidation(name, value);
            }
        }

        message.Headers.TryAddWithoutValidation("Authorization", signature.ForAuthorizationHeader);
        if (request.Body.Length > 0 || request.Method is "POST" or "PUT")
        {
            message.Content = content;
        }
        else
        {
            content.Dispose();
        }

        return message;
    }

    private static string CanonicalPath(Uri uri, bool doubleEncode)
    {
        var path = uri.AbsolutePath.Length == 0 ? "/" : uri.AbsolutePath;
        return doubleEncode ? string.Join("/", path.Split('/').Select(Uri.EscapeDataString)) : path;
    }

    private static string CanonicalQuery(string query)
    {
        if (query.Length <= 1)
        {
            return "";
        }

        var pairs = query[1..].Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Select(p => (Key: Uri.EscapeDataString(Uri.UnescapeDataString(p[0])), Value: p.Length > 1 ? Uri.EscapeDataString(Uri.UnescapeDataString(p[1])) : ""))
            .OrderBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal);
        return string.Join("&", pairs.Select(p => p.Key + "=" + p.Value));
    }
}
