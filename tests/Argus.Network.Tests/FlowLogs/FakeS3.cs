using System.Globalization;
using System.Net;
using System.Security;
using System.Text;
using Argus.Tests;

namespace Argus.Network.Tests.FlowLogs;

/// <summary>
/// A local stand-in for S3 on 127.0.0.1 speaking the real wire format (path-style): GetBucketLocation,
/// ListObjectsV2 XML with continuation tokens (two keys a page), GetObject bodies, and AccessDenied errors.
/// </summary>
internal sealed class FakeS3 : IDisposable
{
    private readonly LoopbackHttpServer server;
    private readonly SortedDictionary<string, byte[]> objects = new(StringComparer.Ordinal);

    public FakeS3(string bucket, string region)
    {
        Bucket = bucket;
        Region = region;
        server = new LoopbackHttpServer(Handle);
    }

    public string Bucket { get; }

    public string Region { get; }

    public Uri Endpoint => server.Endpoint;

    public List<string> Requests { get; } = [];

    /// <summary>Keys whose GetObject answers 403 AccessDenied.</summary>
    public HashSet<string> Denied { get; } = [];

    public void Put(string key, byte[] body) => objects[key] = body;

    public void Dispose() => server.Dispose();

    private async Task Handle(HttpListenerContext context)
    {
        var request = context.Request;
        var path = Uri.UnescapeDataString(request.Url!.AbsolutePath.TrimStart('/'));
        var query = request.QueryString;
        lock (Requests)
        {
            Requests.Add($"{request.HttpMethod} /{path}{request.Url.Query}");
        }

        var response = context.Response;
        byte[] body;
        if (path.TrimEnd('/') == Bucket && request.Url.Query.TrimStart('?').Split('&').Contains("location"))
        {
            body = Xml($"<LocationConstraint xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">{Region}</LocationConstraint>");
        }
        else if (path.TrimEnd('/') == Bucket && query["list-type"] == "2")
        {
            var prefix = query["prefix"] ?? "";
            var after = query["continuation-token"];
            var keys = objects.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal) && (after is null || string.CompareOrdinal(k, after) > 0)).ToList();
            var page = keys.Take(2).ToList();
            var truncated = keys.Count > 2;
            var contents = string.Concat(page.Select(k =>
                $"<Contents><Key>{SecurityElement.Escape(k)}</Key><LastModified>2020-03-03T03:10:00.000Z</LastModified><ETag>\"e\"</ETag><Size>{objects[k].Length}</Size><StorageClass>STANDARD</StorageClass></Contents>"));
            body = Xml($"<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Name>{Bucket}</Name><Prefix>{SecurityElement.Escape(prefix)}</Prefix>"
                + $"<KeyCount>{page.Count}</KeyCount><MaxKeys>1000</MaxKeys><IsTruncated>{(truncated ? "true" : "false")}</IsTruncated>{contents}"
                + (truncated ? $"<NextContinuationToken>{SecurityElement.Escape(page[^1])}</NextContinuationToken>" : "") + "</ListBucketResult>");
        }
        else if (path.StartsWith(Bucket + "/", StringComparison.Ordinal) && objects.TryGetValue(path[(Bucket.Length + 1)..], out var content))
        {
            if (Denied.Contains(path[(Bucket.Length + 1)..]))
            {
                response.StatusCode = 403;
                body = Xml("<Error><Code>AccessDenied</Code><Message>Access Denied</Message><RequestId>r1</RequestId></Error>");
            }
            else
            {
                response.ContentType = "application/octet-stream";
                body = content;
            }
        }
        else
        {
            response.StatusCode = 404;
            body = Xml("<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message><RequestId>r2</RequestId></Error>");
        }

        response.Headers["x-amz-request-id"] = "req";
        response.ContentLength64 = body.Length;
        await response.OutputStream.WriteAsync(body);
        response.Close();
    }

    private byte[] Xml(string text)
    {
        return Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + text);
    }
}
