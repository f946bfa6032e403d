using System.Collections.Concurrent;

namespace Argus.Bench.FakeAws;

/// <summary>
/// The documents a benchmark collected, appended to a temporary file as they arrive and read back afterwards for the
/// comparison: held in memory, hundreds of megabytes would sit in the collector's heap and every full collection
/// would walk them, which the real collection (streaming into the store) never pays.
/// </summary>
internal sealed class DocumentSpill : IDisposable
{
    private readonly Lock gate = new();
    private readonly FileStream file = new(Path.Combine(Path.GetTempPath(), $"argus-collect-{Guid.NewGuid():N}.spill"), FileMode.CreateNew,
        FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
    private readonly ConcurrentDictionary<DocumentKey, (long Offset, int Length)> places = new();
    private long end;

    public ICollection<DocumentKey> Keys => places.Keys;

    public long Bytes => places.Values.Sum(p => (long)p.Length);

    public void Add(DocumentKey key, ReadOnlySpan<byte> json)
    {
        long offset;
        lock (gate)
        {
            offset = end;
            file.Write(json);
            end += json.Length;
        }

        places[key] = (offset, json.Length);
    }

    public bool TryRead(DocumentKey key, out byte[] json)
    {
        if (!places.TryGetValue(key, out var place))
        {
            json = [];
            return false;
        }

        json = new byte[place.Length];
        lock (gate)
        {
            file.Flush();
            RandomAccess.Read(file.SafeFileHandle, json, place.Offset);
        }

        return true;
    }

    public void Dispose() => file.Dispose();
}
