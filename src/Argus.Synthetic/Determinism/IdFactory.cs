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
    public string Iam(string prefix, string key, int length = 21) =>
        Characters(StableHash.Combine(Hash(prefix, 0), key), prefix, length - prefix.Length, Base32);

    /// <summary>A lower-case hex string of <paramref name="length"/> digits.</summary>
    public string Hex(string kind, long ordinal, int length) => Characters(Hash(kind, ordinal), "", length, "0123456789abcdef");

    /// <summary>A UUID-formatted id (KMS keys, Direct Connect gateways).</summary>
    public string Uuid(string kind, long ordinal)
    {
        var hex = Hex(kind, ordinal, 32);
        return $"{hex[..8]}-{hex[8..12]}-4{hex[13..16]}-a{hex[17..20]}-{hex[20..]}";
    }

    /// <summary>A lower-case alphanumeric string (organization and OU ids).</summary>
    public string Alnum(string kind, long ordinal, int length) =>
        Characters(Hash(kind, ordinal), "", length, "abcdefghijklmnopqrstuvwxyz0123456789");

    /// <summary>
    /// <paramref name="count"/> characters of <paramref name="alphabet"/> after <paramref name="prefix"/>, each
    /// drawn from its own mix of <paramref name="hash"/> so that long ids never run out of randomness.
    /// </summary>
    private static string Characters(ulong hash, string prefix, int count, string alphabet)
    {
        Span<char> chars = stackalloc char[prefix.Length + count];
        prefix.AsSpan().CopyTo(chars);
        for (var i = 0; i < count; i++)
        {
            chars[prefix.Length + i] = alphabet[(int)(StableHash.Combine(hash, i) % (ulong)alphabet.Length)];
        }

        return new string(chars);
    }
}
