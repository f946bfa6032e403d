using Argus.Core.Import;

namespace Argus.Synthetic;

/// <summary>
/// Generates a deterministic AWS organization as the raw documents a real collection would store (the JSON of
/// <c>aws ... --output json</c>, pages merged), to be imported and analysed like collected data.
/// </summary>
public static class SyntheticEnvironment
{
    /// <summary>
    /// A source that generates <paramref name="preset"/> with <paramref name="seed"/>: the same pair always gives
    /// byte-identical documents. Documents are generated lazily, one account and region at a time.
    /// </summary>
    /// <exception cref="ArgumentException">The preset describes an organization that cannot be built.</exception>
    public static ISnapshotSource Generate(SyntheticPreset preset, int seed)
    {
        ArgumentNullException.ThrowIfNull(preset);
        return new SyntheticSource(preset, seed);
    }
}
