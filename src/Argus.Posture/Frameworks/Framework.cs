namespace Argus.Posture.Frameworks;

/// <summary>A compliance framework as data, e.g. <c>cis-aws-7.0</c>.</summary>
public sealed record Framework(string Id, string Name, string Version, IReadOnlyList<Requirement> Requirements)
{
    /// <summary>Sections in document order.</summary>
    public IReadOnlyList<string> Sections => Requirements.Select(r => r.Section).Distinct(StringComparer.Ordinal).ToList();
}
