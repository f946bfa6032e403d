using System.Buffers;

namespace Argus.Aws.Client;

/// <summary>An <see cref="IBufferWriter{T}"/> over buffers rented from <see cref="AnswerBuffers.Pool"/>, returned when disposed.</summary>
internal sealed class PooledBufferWriter : IBufferWriter<byte>, IDisposable
{
    private byte[] buffer;
    private int written;

    public PooledBufferWriter(int sizeHint)
    {
        buffer = AnswerBuffers.Pool.Rent(Math.Max(sizeHint, 4096));
    }

    /// <summary>The bytes written so far.</summary>
    public ReadOnlySpan<byte> WrittenSpan => buffer.AsSpan(0, written);

    public void Advance(int count) => written += count;

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return buffer.AsMemory(written);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return buffer.AsSpan(written);
    }

    public void Dispose()
    {
        var rented = buffer;
        buffer = [];
        if (rented.Length > 0)
        {
            AnswerBuffers.Pool.Return(rented);
        }
    }

    private void Ensure(int sizeHint)
    {
        var needed = written + Math.Max(sizeHint, 1);
        if (needed <= buffer.Length)
        {
            return;
        }

        var larger = AnswerBuffers.Pool.Rent(Math.Max(needed, checked(buffer.Length * 2)));
        buffer.AsSpan(0, written).CopyTo(larger);
        AnswerBuffers.Pool.Return(buffer);
        buffer = larger;
    }
}
