namespace Argus.Synthetic.Determinism;

/// <summary>
/// Hashing that is the same on every machine and every run (unlike <see cref="string.GetHashCode()"/>), so the
/// same seed always gives the same organization.
/// </summary>
internal static class StableHash
{
    private const ulong FnvOffset = 14695981039346656037;
    private const ulong FnvPrime = 1099511628211;

    /// <summary>SplitMix64's finalizer: a cheap, well-distributed 64-bit mix.</summary>
    public static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }

    public static ulong Of(string text)
    {
        var h = FnvOffset;
        foreach (var c in text)
        {
            h = (h ^ c) * FnvPrime;
        }

        return Mix(h);
    }

    public static ulong Combine(ulong a, ulong b) => Mix(a ^ (b * 0xD6E8FEB86659FD93));

    public static ulong Combine(ulong a, string b) => Combine(a, Of(b));

    public static ulong Combine(ulong a, long b) => Combine(a, unchecked((ulong)b));
}
