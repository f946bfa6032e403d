namespace Argus.Synthetic.Addressing;

/// <summary>
/// Public IPv4 addresses for one account in one region: a block of 256 in the region's Amazon pool, chosen by the
/// account's position in the organization so no two accounts ever share an address.
/// </summary>
internal sealed class PublicAddresses(Ipv4Block pool, int accountIndex)
{
    private const int PerAccount = 256;
    private int next = 1;

    public uint Next()
    {
        if (next >= PerAccount - 1)
        {
            throw new InvalidOperationException($"account #{accountIndex} used all {PerAccount - 2} public addresses reserved for it in {pool}");
        }

        var offset = ((long)accountIndex * PerAccount + next++) % pool.Size;
        return pool.Network + (uint)offset;
    }
}
