using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Argus.Tests;

namespace Argus.VmScan.Tests.StandIns;

/// <summary>
/// The EBS direct APIs (ListSnapshotBlocks, GetSnapshotBlock) on 127.0.0.1 in their rest-json wire format, serving
/// snapshots from disk images: only blocks holding non-zero bytes are listed, as EBS lists only written blocks.
/// Faults on demand: throttling, access denied, a wrong checksum. Another stand-in (EC2, KMS) can serve EBS
/// requests through <see cref="TryAnswerAsync"/>.
/// </summary>
public sealed class EbsDirectStandIn
{
    public const int BlockSize = 512 * 1024;
    private readonly ConcurrentDictionary<string, Snapshot> snapshots = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string, long), bool> corrupt = new();
    private readonly ConcurrentDictionary<string, bool> denied = new(StringComparer.Ordinal);
    private int throttleNext;
    private int listCalls;
    private int getCalls;
    private int throttled;

    private sealed record Snapshot(string ImagePath, long VolumeGiB, long[] Blocks);

    /// <summary>Blocks per ListSnapshotBlocks page at most (the request's MaxResults may ask for fewer).</summary>
    public int PageSize { get; set; } = 10_000;

    public int ListCalls => listCalls;

    public int GetCalls => getCalls;

    public int ThrottledAnswers => throttled;

    /// <summary>Serves <paramref name="imagePath"/> as snapshot <paramref name="snapshotId"/>; the volume size is the image's rounded up to a GiB.</summary>
    public void AddSnapshot(string snapshotId, string imagePath)
    {
        var length = new FileInfo(imagePath).Length;
        var blocks = new List<long>();
        var buffer = new byte[BlockSize];
        using (var stream = File.OpenRead(imagePath))
        {
            for (long index = 0; index * BlockSize < length; index++)
            {
                var read = stream.ReadAtLeast(buffer, BlockSize, throwOnEndOfStream: false);
                if (buffer.AsSpan(0, read).ContainsAnyExcept((byte)0))
                {
                    blocks.Add(index);
                }
            }
        }

        snapshots[snapshotId] = new Snapshot(imagePath, Math.Max(1, (length + (1L << 30) - 1) >> 30), [.. blocks]);
    }

    /// <summary>The next <paramref name="requests"/> requests are answered RequestThrottledException (HTTP 400).</summary>
    public void ThrottleNext(int requests) => Interlocked.Exchange(ref throttleNext, requests);

    /// <summary>Every request for the snapshot is answered AccessDeniedException (HTTP 403).</summary>
    public void DenyAccess(string snapshotId) => denied[snapshotId] = true;

    /// <summary>GetSnapshotBlock of this block answers an x-amz-Checksum that does not match its data.</summary>
    public void CorruptChecksum(string snapshotId, long blockIndex) => corrupt[(snapshotId, blockIndex)] = true;

    /// <summary>A loopback server answering only EBS direct requests (parallel, as EBS is).</summary>
    internal LoopbackHttpServer Serve() => new(async context =>
    {
        if (!await TryAnswerAsync(context).ConfigureAwait(false))
        {
            await WriteErrorAsync(context.Response, 404, "UnknownOperationException", "not an EBS direct API request").ConfigureAwait(false);
        }
    }, concurrent: true);

    /// <summary>Answers the request when it is an EBS direct API call (GET /snapshots/...); false, untouched, otherwise.</summary>
    public async Task<bool> TryAnswerAsync(HttpListenerContext context)
    {
        var request = context.Request;
        var parts = request.Url!.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (request.HttpMethod != "GET" || parts.Length is not (3 or 4) || parts[0] != "snapshots" || parts[2] != "blocks")
        {
            return false;
        }

        var response = context.Response;
        var snapshotId = Uri.UnescapeDataString(parts[1]);
        if (parts.Length == 3)
        {
            Interlocked.Increment(ref listCalls);
        }
        else
        {
            Interlocked.Increment(ref getCalls);
        }

        if (!(request.Headers["Authorization"] ?? "").StartsWith("AWS4-HMAC-SHA256 ", StringComparison.Ordinal))
        {
            await WriteErrorAsync(response, 403, "AccessDeniedException", "the request is not signed with SigV4").ConfigureAwait(false);
        }
        else if (Interlocked.Decrement(ref throttleNext) >= 0)
        {
            Interlocked.Increment(ref throttled);
            await WriteErrorAsync(response, 400, "RequestThrottledException", "Rate exceeded").ConfigureAwait(false);
        }
        else if (denied.ContainsKey(snapshotId))
        {
            var action = parts.Length == 3 ? "ListSnapshotBlocks" : "GetSnapshotBlock";
            await WriteErrorAsync(response, 403, "AccessDeniedException", $"User: arn:aws:iam::123456789012:role/argus is not authorized to perform: ebs:{action} on resource: arn:aws:ec2:eu-west-1::snapshot/{snapshotId}", "UNAUTHORIZED_ACCOUNT").ConfigureAwait(false);
        }
        else if (!snapshots.TryGetValue(snapshotId, out var snapshot))
        {
            await WriteErrorAsync(response, 404, "ResourceNotFoundException", $"The snapshot '{snapshotId}' does not exist.", "SNAPSHOT_NOT_FOUND").ConfigureAwait(false);
        }
        else if (parts.Length == 3)
        {
            await ListAsync(request, response, snapshotId, snapshot).ConfigureAwait(false);
        }
        else
        {
            await GetAsync(request, response, snapshotId, snapshot, parts[3]).ConfigureAwait(false);
        }

        return true;
    }

    private static string Token(string snapshotId, long index) => Convert.ToBase64String(Encoding.UTF8.GetBytes($"{snapshotId}/{index}"));

    private async Task ListAsync(HttpListenerRequest request, HttpListenerResponse response, string snapshotId, Snapshot snapshot)
    {
        var max = int.TryParse(request.QueryString["maxResults"], out var m) ? Math.Min(m, PageSize) : PageSize;
        var start = long.TryParse(request.QueryString["startingBlockIndex"], out var s) ? s : 0;
        var from = request.QueryString["pageToken"] is { } page ? long.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(page)), CultureInfo.InvariantCulture) : start;
        var blocks = snapshot.Blocks.Where(b => b >= from).Take(max + 1).ToList();
        var body = new JsonObject
        {
            ["Blocks"] = new JsonArray(blocks.Take(max).Select(b => (JsonNode)new JsonObject { ["BlockIndex"] = b, ["BlockToken"] = Token(snapshotId, b) }).ToArray()),
            ["ExpiryTime"] = DateTimeOffset.UtcNow.AddDays(7).ToUnixTimeSeconds(),
            ["VolumeSize"] = snapshot.VolumeGiB,
            ["BlockSize"] = BlockSize,
        };
        if (blocks.Count > max)
        {
            body["NextToken"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(blocks[max].ToString(CultureInfo.InvariantCulture)));
        }

        response.ContentType = "application/json";
        await WriteAsync(response, 200, Encoding.UTF8.GetBytes(body.ToJsonString())).ConfigureAwait(false);
    }

    private async Task GetAsync(HttpListenerRequest request, HttpListenerResponse response, string snapshotId, Snapshot snapshot, string indexText)
    {
        if (!long.TryParse(indexText, out var index) || request.QueryString["blockToken"] != Token(snapshotId, index) || Array.BinarySearch(snapshot.Blocks, index) < 0)
        {
            await WriteErrorAsync(response, 400, "ValidationException", $"The block token for block {indexText} is invalid or the block holds no data.", "INVALID_BLOCK_TOKEN").ConfigureAwait(false);
            return;
        }

        var data = new byte[BlockSize];
        using (var image = File.OpenHandle(snapshot.ImagePath))
        {
            RandomAccess.Read(image, data, index * BlockSize);
        }

        var checksum = SHA256.HashData(data);
        if (corrupt.ContainsKey((snapshotId, index)))
        {
            checksum[0] ^= 0xFF;
        }

        response.ContentType = "application/octet-stream";
        response.Headers["x-amz-Data-Length"] = BlockSize.ToString(CultureInfo.InvariantCulture);
        response.Headers["x-amz-Checksum"] = Convert.ToBase64String(checksum);
        response.Headers["x-amz-Checksum-Algorithm"] = "SHA256";
        await WriteAsync(response, 200, data).ConfigureAwait(false);
    }

    private static Task WriteErrorAsync(HttpListenerResponse response, int status, string type, string message, string? reason = null)
    {
        response.ContentType = "application/json";
        response.Headers["x-amzn-ErrorType"] = type;
        var body = new JsonObject { ["message"] = message };
        if (reason is not null)
        {
            body["Reason"] = reason;
        }

        return WriteAsync(response, status, Encoding.UTF8.GetBytes(body.ToJsonString()));
    }

    private static async Task WriteAsync(HttpListenerResponse response, int status, byte[] body)
    {
        response.StatusCode = status;
        response.ContentLength64 = body.Length;
        await response.OutputStream.WriteAsync(body).ConfigureAwait(false);
        response.Close();
    }
}
