using System.Buffers;

namespace Argus.Core.Buffers;

/// <summary>
/// A growable <see cref="IBufferWriter{T}"/> over arrays rented from a pool and returned when it grows or is
/// disposed: the hot paths that write UTF-8 JSON (answers read from AWS, generated documents) reuse memory instead of
/// allocating an array per document.
/// </summary>
public sealed class PooledBufferWriter : IBufferWriter<byte>, IDisposable
{
    private readonly ArrayPool<byte> pool;
    private byte[] buffer;
    private int written;

    /// <param name="pool">Where arrays are rented from; <see cref="ArrayPool{T}.Shared"/> when null.</param>
    /// <param name="sizeHint">The first array's least size.</param>
    public PooledBufferWriter(ArrayPool<byte>? pool = null, int sizeHint = 64 * 1024)
    {
        this.pool = pool ?? ArrayPool<byte>.Shared;
        buffer = this.pool.Rent(Math.Max(sizeHint, 4096));
    }

    /// <summary>The bytes written so far.</summary>
    public ReadOnlySpan<byte> WrittenSpan => buffer.AsSpan(0, written);

    /// <summary>Forgets what was written, keeping the array for the next document.</summary>
    public void Clear() => written = 0;

    /// <inheritdoc/>
    public void Advance(int count) => written += count;

    /// <inheritdoc/>
    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return buffer.AsMemory(written);
    }

    /// <inheritdoc/>
    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return buffer.AsSpan(written);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        var rented = buffer;
        buffer = [];
        if (rented.Length > 0)
        {
            pool.Return(rented);
        }
    }

    private void Ensure(int sizeHint)
    {
        var needed = written + Math.Max(sizeHint, 1);
        if (needed <= buffer.Length)
        {
            return;
        }

        var larger = pool.Rent(Math.Max(needed, checked(buffer.Length * 2)));
        buffer.AsSpan(0, written).CopyTo(larger);
        pool.Return(buffer);
        buffer = larger;
    }
}
