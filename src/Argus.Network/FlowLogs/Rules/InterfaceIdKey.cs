using System.Runtime.InteropServices;

namespace Argus.Network.FlowLogs.Rules;

/// <summary>
/// An interface id as it appears in a record (<c>eni-0bb586f55392184af</c>, ASCII, at most 24 bytes) packed into
/// three words, so an interface is found by hashing 24 bytes instead of widening the id to chars and hashing a
/// string, once per record whose interface differs from the previous record's.
/// </summary>
internal readonly record struct InterfaceIdKey(ulong A, ulong B, ulong C, int Length)
{
    public const int MaxLength = 24;

    public static bool TryCreate(ReadOnlySpan<byte> id, out InterfaceIdKey key)
    {
        if (id.Length > MaxLength || !System.Text.Ascii.IsValid(id))
        {
            key = default;
            return false;
        }

        Span<byte> padded = stackalloc byte[MaxLength];
        padded.Clear();
        id.CopyTo(padded);
        var words = MemoryMarshal.Cast<byte, ulong>(padded);
        key = new InterfaceIdKey(words[0], words[1], words[2], id.Length);
        return true;
    }

    public static bool TryCreate(string id, out InterfaceIdKey key)
    {
        Span<byte> bytes = stackalloc byte[MaxLength];
        if (id.Length > MaxLength || !System.Text.Ascii.IsValid(id))
        {
            key = default;
            return false;
        }

        var n = System.Text.Encoding.ASCII.GetBytes(id, bytes);
        return TryCreate(bytes[..n], out key);
    }
}
