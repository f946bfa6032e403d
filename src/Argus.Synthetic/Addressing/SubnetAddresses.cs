namespace Argus.Synthetic.Addressing;

/// <summary>
/// Hands out the private addresses of one subnet, never twice, skipping the five AWS reserves (network, router,
/// DNS, future use, broadcast). A seeded stride scatters them the way a busy subnet looks.
/// </summary>
internal sealed class SubnetAddresses
{
    private readonly Ipv4Block block;
    private readonly int usable;
    private readonly int start;
    private readonly int stride;

    public SubnetAddresses(Ipv4Block block, ulong seed)
    {
        this.block = block;
        usable = (int)block.Size - 5;
        start = (int)(seed % (ulong)usable);
        int[] candidates = [1, 7, 11, 13, 17, 19, 23];
        var coprime = candidates.Where(s => Gcd(s, usable) == 1).ToArray();
        stride = coprime[(int)((seed >> 32) % (ulong)coprime.Length)];
    }

    public int Used { get; private set; }

    public int Available => usable - Used;

    public uint Next()
    {
        if (Used >= usable)
        {
            throw new InvalidOperationException($"subnet {block} is full ({usable} addresses)");
        }

        var offset = (start + (long)Used * stride) % usable;
        Used++;
        return block.Network + 4 + (uint)offset;
    }

    private static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);
}
