using System.Net;
using System.Security;
using System.Text;
using Argus.Tests;

namespace Argus.VmScan.Tests.StandIns;

/// <summary>
/// S3 on 127.0.0.1 for a launched scanner's results location, speaking the S3 REST XML wire format path-style
/// (PutObject, GetObject, ListObjectsV2, DeleteObject; aws-chunked bodies decoded as S3 does). Every request is
/// decided by the policy of its caller's access key: Argus's role under the generated vuln.vm-scan policy, the
/// scanner instance's role under its own, as IAM would on the object or bucket ARN.
/// </summary>
internal sealed class S3StandIn : IDisposable
{
    private const string Namespace = "http://s3.amazonaws.com/doc/2006-03-01/";
    private readonly object gate = new();
    private readonly LoopbackHttpServer server;
    private readonly Dictionary<string, PolicyEvaluator> callers = new(StringComparer.Ordinal);

    public S3StandIn() => server = new LoopbackHttpServer(HandleAsync);

    public Uri Endpoint => server.Endpoint;

    /// <summary>Objects by bucket, then key.</summary>
    public Dictionary<string, SortedDictionary<string, byte[]>> Buckets { get; } = new(StringComparer.Ordinal);

    public List<string> Denied { get; } = [];

    public Dictionary<string, int> Calls { get; } = new(StringComparer.Ordinal);

    public void AddBucket(string name) => Buckets[name] = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);

    public void AddCaller(string accessKey, PolicyEvaluator policy) => callers[accessKey] = policy;

    /// <summary>Every key in every bucket.</summary>
    public IReadOnlyList<string> Keys()
    {
        lock (gate)
        {
            return Buckets.SelectMany(b => b.Value.Keys.Select(k => $"{b.Key}/{k}")).ToList();
        }
    }

    public void Dispose()
    {
        try
        {
            server.Dispose();
        }
        catch (HttpListenerException)
        {
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var request = context.Request;
        var path = request.Url!.AbsolutePath.TrimStart('/');
        var slash = path.IndexOf('/', StringComparison.Ordinal);
        var bucket = Uri.UnescapeDataString(slash < 0 ? path : path[..slash]);
        var key = slash < 0 ? "" : Uri.UnescapeDataString(path[(slash + 1)..]);
        using var copy = new MemoryStream();
        await request.InputStream.CopyToAsync(copy);
        var body = copy.ToArray();
        if ((request.Headers["x-amz-content-sha256"] ?? "").StartsWith("STREAMING", StringComparison.Ordinal) || (request.Headers["Content-Encoding"] ?? "").Contains("aws-chunked", StringComparison.Ordinal))
        {
            body = Unchunk(body);
        }

        var accessKey = (request.Headers["Authorization"] ?? "").Split("Credential=", 2).ElementAtOrDefault(1)?.Split('/')[0] ?? "";
        (int Status, byte[] Body) answer;
        lock (gate)
        {
            answer = Answer(request.HttpMethod, bucket, key, request.QueryString["list-type"] == "2" ? request.QueryString["prefix"] ?? "" : null, body, accessKey);
        }

        context.Response.StatusCode = answer.Status;
        context.Response.ContentType = "application/xml";
        if (answer.Status == 200 && request.HttpMethod == "PUT")
        {
            context.Response.Headers["ETag"] = "\"e\"";
        }

        context.Response.ContentLength64 = answer.Body.Length;
        await context.Response.OutputStream.WriteAsync(answer.Body);
        context.Response.Close();
    }

    private (int, byte[]) Answer(string method, string bucket, string key, string? listPrefix, byte[] body, string accessKey)
    {
        var (action, arn) = (method, key.Length) switch
        {
            ("GET", 0) => ("s3:ListBucket", $"arn:aws:s3:::{bucket}"),
            ("GET", _) => ("s3:GetObject", $"arn:aws:s3:::{bucket}/{key}"),
            ("PUT", > 0) => ("s3:PutObject", $"arn:aws:s3:::{bucket}/{key}"),
            ("DELETE", > 0) => ("s3:DeleteObject", $"arn:aws:s3:::{bucket}/{key}"),
            _ => ("s3:" + method, $"arn:aws:s3:::{bucket}"),
        };
        Calls[action] = Calls.GetValueOrDefault(action) + 1;
        if (!callers.TryGetValue(accessKey, out var policy) || !policy.Allows(action, arn, new Dictionary<string, IReadOnlyList<string>>()))
        {
            Denied.Add($"{action} {arn} by {accessKey}");
            return (403, Error("AccessDenied", "Access Denied", key));
        }

        if (!Buckets.TryGetValue(bucket, out var objects))
        {
            return (404, Error("NoSuchBucket", "The specified bucket does not exist", bucket));
        }

        switch (action)
        {
            case "s3:ListBucket" when listPrefix is not null:
                var keys = objects.Where(o => o.Key.StartsWith(listPrefix, StringComparison.Ordinal)).ToList();
                return (200, Encoding.UTF8.GetBytes($"""
                    <?xml version="1.0" encoding="UTF-8"?>
                    <ListBucketResult xmlns="{Namespace}"><Name>{bucket}</Name><Prefix>{SecurityElement.Escape(listPrefix)}</Prefix><KeyCount>{keys.Count}</KeyCount><MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated>{string.Concat(keys.Select(o =>
                        $"<Contents><Key>{SecurityElement.Escape(o.Key)}</Key><LastModified>2026-11-26T00:00:00.000Z</LastModified><ETag>\"e\"</ETag><Size>{o.Value.Length}</Size><StorageClass>STANDARD</StorageClass></Contents>"))}</ListBucketResult>
                    """));
            case "s3:GetObject":
                return objects.TryGetValue(key, out var content) ? (200, content) : (404, Error("NoSuchKey", "The specified key does not exist.", key));
            case "s3:PutObject":
                objects[key] = body;
                return (200, []);
            case "s3:DeleteObject":
                objects.Remove(key);
                return (204, []);
            default:
                return (400, Error("NotImplemented", $"the stand-in does not answer {method} {bucket}/{key}", key));
        }
    }

    /// <summary>An aws-chunked body: hex size[;chunk-signature=...] CRLF data CRLF, ..., a zero chunk, then trailers.</summary>
    private static byte[] Unchunk(byte[] body)
    {
        var output = new MemoryStream();
        var at = 0;
        while (at < body.Length)
        {
            var end = Array.IndexOf(body, (byte)'\r', at);
            var header = Encoding.ASCII.GetString(body, at, end - at);
            var size = Convert.ToInt32(header.Split(';')[0], 16);
            at = end + 2;
            if (size == 0)
            {
                break;
            }

            output.Write(body, at, size);
            at += size + 2;
        }

        return output.ToArray();
    }

    private static byte[] Error(string code, string message, string resource) =>
        Encoding.UTF8.GetBytes($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>{code}</Code><Message>{message}</Message><Resource>{SecurityElement.Escape(resource)}</Resource><RequestId>r</RequestId></Error>");
}
