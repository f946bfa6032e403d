using System.Numerics;

namespace Argus.Network.FlowLogs.Attribution;

/// <summary>
/// A set of 64-bit keys in one open-addressed array (linear probing, Fibonacci hashing, at most half full). A
/// rule's peer and usage sets take a few inserts per record, and a broad rule's sets are large: HashSet's bucket
/// array and separate entries cost two cache misses per insert where this costs one, in the same memory.
/// </summary>
internal sealed class PackedKeySet
{
    // Keys are stored plus one, so that zero marks an empty slot.
    private ulong[] slots = [];
    private int shift = 64;

    public int Count { get; private set; }

    /// <summary>The keys, in no particular order.</summary>
    public IEnumerable<ulong> Keys
    {
        get
        {
            foreach (var s in slots)
            {
                if (s != 0)
                {
                    yield return s - 1;
                }
            }
        }
    }

    public bool Contains(ulong key)
    {
        if (Count == 0)
        {
            return false;
        }

        var stored = key + 1;
        var mask = slots.Length - 1;
        for (var i = Slot(stored); ; i = (i + 1) & mask)
        {
            var s = slots[i];
            if (s == stored)
            {
                return true;
            }

            if (s == 0)
            {
                return false;
            }
        }
    }

    /// <summary>Adds the key (any but <see cref="ulong.MaxValue"/>); false when it was there already.</summary>
    public bool Add(ulong key)
    {
        ArgumentOutOfRangeException.ThrowIfEqual(key, ulong.MaxValue);
        if ((Count + 1) * 2 > slots.Length)
        {
            Resize(Math.Max(8, slots.Length * 2));
        }

        var stored = key + 1;
        var mask = slots.Length - 1;
        for (var i = Slot(stored); ; i = (i + 1) & mask)
        {
            var s = slots[i];
            if (s == stored)
            {
                return false;
            }

            if (s == 0)
            {
                slots[i] = stored;
                Count++;
                return true;
            }
        }
    }

    /// <summary>Empties the set and gives its memory back.</summary>
    public void Clear()
    {
        slots = [];
        shift = 64;
        Count = 0;
    }

    private int Slot(ulong stored) => (int)((stored * 0x9E3779B97F4A7C15UL) >> shift);

    private void Resize(int capacity)
    {
        var old = slots;
        slots = new ulong[capacity];
        shift = 64 - BitOperations.Log2((uint)capacity);
        var mask = capacity - 1;
        foreach (var s in old)
        {
            if (s == 0)
            {
                continue;
            }

            var i = Slot(s);
            while (slots[i] != 0)
            {
                i = (i + 1) & mask;
            }

            slots[i] = s;
        }
    }
}
