using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Argus.Aws.Client;
using Argus.VmScan.Disks;

namespace Argus.VmScan.Ebs;

/// <summary>
/// An EBS snapshot read through the EBS direct APIs, without creating a volume or an instance: ListSnapshotBlocks
/// (every page) says which 512 KiB blocks hold data, GetSnapshotBlock fetches them on demand with their SHA-256
/// checked. Blocks the snapshot does not hold read as zeros. A bounded cache and a few requests in flight with
/// read-ahead keep the scattered reads of a file system walk fast. Calls go through the catalog-driven client.
/// </summary>
public sealed class EbsSnapshotBlockDevice : IBlockDevice
{
    private const int MaxListPages = 100_000;
    private readonly AwsApiClient client;
    private readonly AwsCallContext ctx;
    private readonly Dictionary<long, string> tokens;
    private readonly EbsReadOptions options;
    private readonly Lock gate = new();
    private readonly Dictionary<long, LinkedListNode<(long Index, Task<byte[]> Data)>> cache = [];
    private readonly LinkedList<(long Index, Task<byte[]> Data)> recent = new();
    private readonly SemaphoreSlim inFlight;
    private readonly CancellationTokenSource lifetime = new();
    private long apiCalls;
    private long blocksRead;
    private long bytesRead;

    private EbsSnapshotBlockDevice(AwsApiClient client, AwsCallContext ctx, string snapshotId, long length, int blockSize, Dictionary<long, string> tokens, long listCalls, EbsReadOptions options)
    {
        this.client = client;
        this.ctx = ctx;
        this.tokens = tokens;
        this.options = options;
        SnapshotId = snapshotId;
        Length = length;
        BlockSize = blockSize;
        apiCalls = listCalls;
        inFlight = new SemaphoreSlim(Math.Max(1, options.MaxInFlight));
    }

    public string SnapshotId { get; }

    /// <inheritdoc />
    public long Length { get; }

    /// <summary>The snapshot's block size in bytes (524288 today).</summary>
    public int BlockSize { get; }

    /// <summary>Blocks that hold data (the others read as zeros without a call).</summary>
    public int BlocksWithData => tokens.Count;

    /// <summary>ListSnapshotBlocks pages and GetSnapshotBlock calls made so far (retries of one call count once).</summary>
    public long ApiCalls => Interlocked.Read(ref apiCalls);

    /// <summary>Blocks fetched with GetSnapshotBlock.</summary>
    public long BlocksRead => Interlocked.Read(ref blocksRead);

    /// <summary>Block bytes received.</summary>
    public long BytesRead => Interlocked.Read(ref bytesRead);

    /// <summary>Lists the snapshot's blocks (every page) and returns a device that reads them on demand.</summary>
    /// <exception cref="AwsApiException">EBS refused the listing (access denied, snapshot not found, throttled out).</exception>
    /// <exception cref="InvalidDataException">The listing is not plausible (a block index past the volume, an odd block size).</exception>
    public static Task<EbsSnapshotBlockDevice> OpenAsync(AwsApiClient client, AwsCallContext ctx, string snapshotId, CancellationToken ct) =>
        OpenAsync(client, ctx, snapshotId, new EbsReadOptions(), ct);

    /// <inheritdoc cref="OpenAsync(AwsApiClient, AwsCallContext, string, CancellationToken)"/>
    public static async Task<EbsSnapshotBlockDevice> OpenAsync(AwsApiClient client, AwsCallContext ctx, string snapshotId, EbsReadOptions options, CancellationToken ct)
    {
        var tokens = new Dictionary<long, string>();
        string? next = null;
        long volumeGiB = -1;
        var blockSize = 0;
        var calls = 0L;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        do
        {
            var request = new JsonObject { ["SnapshotId"] = snapshotId, ["MaxResults"] = 10000 };
            if (next is not null)
            {
                request["NextToken"] = next;
            }

            using var page = await client.CallAsync("ebs", "ListSnapshotBlocks", request, ctx, ct).ConfigureAwait(false);
            calls++;
            var root = page.RootElement;
            if (volumeGiB < 0)
            {
                volumeGiB = root.TryGetProperty("VolumeSize", out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt64() : -1;
                blockSize = root.TryGetProperty("BlockSize", out var b) && b.ValueKind == JsonValueKind.Number ? b.GetInt32() : 0;
                if (volumeGiB is <= 0 or > 64 * 1024 || blockSize <= 0 || blockSize > 16 << 20 || (1L << 30) % blockSize != 0)
                {
                    throw new InvalidDataException($"{snapshotId}: ListSnapshotBlocks gave volume size {volumeGiB} GiB and block size {blockSize}, which EBS never does");
                }
            }

            var blocks = (volumeGiB << 30) / blockSize;
            if (root.TryGetProperty("Blocks", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var block in list.EnumerateArray())
                {
                    var index = block.GetProperty("BlockIndex").GetInt64();
                    if (index < 0 || index >= blocks)
                    {
                        throw new InvalidDataException($"{snapshotId}: ListSnapshotBlocks lists block {index}, outside the volume's {blocks} blocks");
                    }

                    tokens[index] = block.GetProperty("BlockToken").GetString() ?? throw new InvalidDataException($"{snapshotId}: block {index} has no BlockToken");
                }
            }

            next = root.TryGetProperty("NextToken", out var token) && token.ValueKind == JsonValueKind.String && token.GetString()!.Length > 0 ? token.GetString() : null;
            if (next is not null && (!seen.Add(next) || calls >= MaxListPages))
            {
                throw new InvalidDataException($"{snapshotId}: ListSnapshotBlocks repeated a page token or gave more than {MaxListPages} pages");
            }
        }
        while (next is not null);

        return new EbsSnapshotBlockDevice(client, ctx, snapshotId, volumeGiB << 30, blockSize, tokens, calls, options);
    }

    /// <inheritdoc />
    /// <exception cref="EbsBlockException">A block's checksum or length does not match its data.</exception>
    /// <exception cref="AwsApiException">EBS refused GetSnapshotBlock (access denied, throttled out).</exception>
    public async ValueTask<int> ReadAsync(long offset, Memory<byte> buffer, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        var count = (int)Math.Max(0, Math.Min(buffer.Length, Length - offset));
        var done = 0;
        while (done < count)
        {
            var position = offset + done;
            var index = position / BlockSize;
            var within = (int)(position % BlockSize);
            var take = Math.Min(count - done, BlockSize - within);
            if (!tokens.ContainsKey(index))
            {
                buffer.Span.Slice(done, take).Clear();
            }
            else
            {
                var data = await BlockAsync(index).WaitAsync(ct).ConfigureAwait(false);
                data.AsSpan(within, take).CopyTo(buffer.Span[done..]);
                for (var ahead = 1; ahead <= options.ReadAhead; ahead++)
                {
                    if (tokens.ContainsKey(index + ahead))
                    {
                        _ = BlockAsync(index + ahead);
                    }
                }
            }

            done += take;
        }

        return count;
    }

    // Shared by the read that needs a block and the read-ahead that guessed it: one request per block.
    private Task<byte[]> BlockAsync(long index)
    {
        lock (gate)
        {
            if (cache.TryGetValue(index, out var node))
            {
                recent.Remove(node);
                recent.AddFirst(node);
                return node.Value.Data;
            }

            var task = FetchAsync(index);
            cache[index] = recent.AddFirst((index, task));
            while (cache.Count > Math.Max(1, options.CacheBlocks))
            {
                var last = recent.Last!;
                recent.RemoveLast();
                cache.Remove(last.Value.Index);
            }

            return task;
        }
    }

    private async Task<byte[]> FetchAsync(long index)
    {
        var ct = lifetime.Token;
        await inFlight.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var request = new JsonObject { ["SnapshotId"] = SnapshotId, ["BlockIndex"] = index, ["BlockToken"] = tokens[index] };
            Interlocked.Increment(ref apiCalls);
            var answer = await client.CallBinaryAsync("ebs", "GetSnapshotBlock", request, ctx, ct).ConfigureAwait(false);
            var data = Verify(index, answer);
            Interlocked.Increment(ref blocksRead);
            Interlocked.Add(ref bytesRead, answer.Body.Length);
            return data;
        }
        catch
        {
            // A failed block is not cached: the next read asks again.
            lock (gate)
            {
                if (cache.Remove(index, out var node))
                {
                    recent.Remove(node);
                }
            }

            throw;
        }
        finally
        {
            inFlight.Release();
        }
    }

    private byte[] Verify(long index, AwsBinaryResponse answer)
    {
        var body = answer.Body;
        if (!answer.Headers.TryGetValue("x-amz-Checksum-Algorithm", out var algorithm) || algorithm != "SHA256")
        {
            throw new EbsBlockException(SnapshotId, index, $"checksum algorithm '{algorithm}' (only SHA256 is defined)");
        }

        if (!answer.Headers.TryGetValue("x-amz-Data-Length", out var lengthText) || !int.TryParse(lengthText, out var length) || length != body.Length)
        {
            throw new EbsBlockException(SnapshotId, index, $"x-amz-Data-Length '{lengthText}' but {body.Length} bytes received");
        }

        if (length > BlockSize)
        {
            throw new EbsBlockException(SnapshotId, index, $"{length} bytes, more than the block size {BlockSize}");
        }

        var expected = answer.Headers.GetValueOrDefault("x-amz-Checksum");
        var actual = Convert.ToBase64String(SHA256.HashData(body));
        if (expected != actual)
        {
            throw new EbsBlockException(SnapshotId, index, $"checksum mismatch: x-amz-Checksum '{expected}' but the data hashes to '{actual}'");
        }

        if (length == BlockSize)
        {
            return body;
        }

        var full = new byte[BlockSize];
        body.CopyTo(full, 0);
        return full;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await lifetime.CancelAsync().ConfigureAwait(false);
        lifetime.Dispose();
        lock (gate)
        {
            cache.Clear();
            recent.Clear();
        }
    }
}
