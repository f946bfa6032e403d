namespace Argus.Synthetic;

/// <summary>The built-in organization sizes.</summary>
public static class SyntheticPresets
{
    /// <summary>Every preset, smallest first.</summary>
    public static IReadOnlyList<SyntheticPreset> All { get; } =
    [
        new("demo", "5 accounts (management, security, network hub, prod, dev) in 2 regions, readable names, planted mistakes", 5, 2, 2, 140, 0, 1),
        new("medium", "20 accounts in 3 regions, 10,000 network interfaces", 20, 3, 3, 10_000, 2, 2),
        new("large", "100 accounts in 4 regions, 100,000 network interfaces", 100, 4, 3, 100_000, 2, 2),
        new("xlarge", "400 accounts in 4 regions, 300,000 network interfaces: about a million assets", 400, 4, 3, 300_000, 1, 1),
    ];

    /// <summary>The preset called <paramref name="name"/> (any case), or null.</summary>
    public static SyntheticPreset? Find(string name) =>
        All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
}
