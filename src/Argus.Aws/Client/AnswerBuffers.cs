using System.Buffers;

namespace Argus.Aws.Client;

/// <summary>
/// The buffers answers are read into and written from: pooled, because the big ones (DescribeNetworkInterfaces runs to
/// tens of megabytes) would otherwise each be a fresh large-object-heap array, and every few of those cost a full
/// (gen 2) collection of a heap that holds everything collected so far.
/// </summary>
internal static class AnswerBuffers
{
    /// <summary>Up to 64 MB per buffer, a few per size: about as many as answers being read at once.</summary>
    public static ArrayPool<byte> Pool { get; } = ArrayPool<byte>.Create(64 << 20, 32);
}
