namespace Argus.Aws.Client;

/// <summary>
/// An answer's body in a buffer rented from the shared pool, returned when disposed: the answers the collector reads
/// (up to tens of megabytes for DescribeNetworkInterfaces) are read once and written elsewhere, so a fresh array per
/// answer would only feed the large-object heap and the garbage collector.
/// </summary>
internal sealed class PooledBody : IDisposable
{
    private byte[]? buffer;

    private PooledBody(byte[] buffer, int length)
    {
        this.buffer = buffer;
        Length = length;
    }

    public int Length { get; }

    /// <summary>The body's bytes; valid until disposed.</summary>
    public ReadOnlyMemory<byte> Memory => (buffer ?? throw new ObjectDisposedException(nameof(PooledBody))).AsMemory(0, Length);

    /// <summary>Reads the whole content into a rented buffer, straight from the connection (the client buffers nothing).</summary>
    public static async Task<PooledBody> ReadAsync(HttpContent content, CancellationToken ct)
    {
        var declared = content.Headers.ContentLength;
        var buffer = AnswerBuffers.Pool.Rent(declared is > 0 and < int.MaxValue ? (int)declared.Value : 4096);
        var length = 0;
        try
        {
            using var stream = await content.ReadAsStreamAsync(ct).ConfigureAwait(false);
            while (true)
            {
                if (length == buffer.Length)
                {
                    var larger = AnswerBuffers.Pool.Rent(checked(buffer.Length * 2));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    AnswerBuffers.Pool.Return(buffer);
                    buffer = larger;
                }

                var read = await stream.ReadAsync(buffer.AsMemory(length), ct).ConfigureAwait(false);
                if (read == 0)
                {
                    return new PooledBody(buffer, length);
                }

                length += read;
            }
        }
        catch
        {
            AnswerBuffers.Pool.Return(buffer);
            throw;
        }
    }

    public void Dispose()
    {
        if (buffer is { } rented)
        {
            buffer = null;
            AnswerBuffers.Pool.Return(rented);
        }
    }
}
