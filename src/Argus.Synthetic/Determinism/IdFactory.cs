namespace Argus.Synthetic.Determinism;

/// <summary>
/// Resource ids in AWS's formats, derived from (seed, account, region, kind, ordinal) alone: any document can
/// name a resource of another account (a peered VPC, a shared transit gateway) without generating that account.
/// </summary>
internal readonly struct IdFactory
{
    private const string Base32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private readonly ulong basis;

    public IdFactory(int seed, string account, string region)
    {
        basis = StableHash.Combine(StableHash.Combine(StableHash.Mix(unchecked((ulong)seed)), account), region);
    }

    public ulong Hash(string kind, long ordinal) => StableHash.Combine(StableHash.Combine(basis, kind), ordinal);

    /// <summary>An EC2-style id: <c>vpc-0</c> followed by 16 hex digits (17 in all, as AWS prints them).</summary>
    public string Ec2(string prefix, long ordinal) => Ec2(prefix, prefix, ordinal);

    /// <summary>An EC2-style id whose hash input (<paramref name="kind"/>) differs from its printed prefix.</summary>
    public string Ec2(string prefix, string kind, long ordinal) => $"{prefix}-0{Hash(kind, ordinal):x16}";

    /// <summary>A short id such as a prefix list's <c>pl-6da54004</c>: <paramref name="hexDigits"/> hex digits.</summary>
    public string Short(string prefix, string kind, long ordinal, int hexDigits) =>
        $"{prefix}-{Hash(kind, ordinal):x16}"[..(prefix.Length + 1 + hexDigits)];

    /// <summary>An IAM unique id or access key id: <paramref name="prefix"/> (AIDA, AROA, AKIA...) and base-32 letters, 20 or 21 characters.</summary>
    public string Iam(string prefix, string key, int length = 21)
    {
        Span<char> chars = stackalloc char[length];
        prefix.AsSpan().CopyTo(chars);
        var h = StableHash.Combine(Hash(prefix, 0), key);
        for (var i = prefix.Length; i < length; i++)
        {
            if ((i - prefix.Length) % 12 == 11)
            {
                h = StableHash.Mix(h);
            }

            chars[i] = Base32[(int)(h & 31)];
            h >>= 5;
        }

        return new string(chars);
    }

    /// <summary>A lower-case hex string of <paramref name="length"/> digits.</summary>
    public string Hex(string kind, long ordinal, int length)
    {
        Span<char> chars = stackalloc char[length];
        var h = Hash(kind, ordinal);
        for (var i = 0; i < length; i++)
        {
            if (i > 0 && i % 16 == 0)
            {
                h = StableHash.Mix(h + (ulong)i);
            }

            chars[i] = "0123456789abcdef"[(int)(h & 15)];
            h >>= 4;
        }

        return new string(chars);
    }

    /// <summary>A UUID-formatted id (KMS keys, Direct Connect gateways).</summary>
    public string Uuid(string kind, long ordinal)
    {
        var hex = Hex(kind, ordinal, 32);
        return $"{hex[..8]}-{hex[8..12]}-4{hex[13..16]}-a{hex[17..20]}-{hex[20..]}";
    }

    /// <summary>A lower-case alphanumeric string (organization and OU ids).</summary>
    public string Alnum(string kind, long ordinal, int length)
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        Span<char> chars = stackalloc char[length];
        var h = Hash(kind, ordinal);
        for (var i = 0; i < length; i++)
        {
            if (i > 0 && i % 10 == 0)
            {
                h = StableHash.Mix(h + (ulong)i);
            }

            chars[i] = alphabet[(int)(h % 36)];
            h /= 36;
        }

        return new string(chars);
    }
}
