using Argus.Core.Model;

namespace Argus.Posture.Frameworks;

/// <summary>The frameworks Argus ships (embedded YAML) and the check-to-requirement index built from them.</summary>
public sealed class FrameworkCatalog
{
    private readonly Dictionary<string, IReadOnlyList<FrameworkReference>> byCheck;

    public FrameworkCatalog(IEnumerable<Framework> frameworks)
    {
        All = frameworks.OrderByDescending(f => f.Id, StringComparer.Ordinal).ToList();
        byCheck = All
            .SelectMany(f => f.Requirements.SelectMany(r => r.Checks.Select(c => (Check: c, Reference: new FrameworkReference(f.Id, r.Id)))))
            .GroupBy(x => x.Check, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<FrameworkReference>)g.Select(x => x.Reference).Distinct().ToList(), StringComparer.Ordinal);
    }

    /// <summary>The embedded frameworks, newest first.</summary>
    public static FrameworkCatalog Default { get; } = new(LoadEmbedded());

    public IReadOnlyList<Framework> All { get; }

    public Framework? Find(string id) => All.FirstOrDefault(f => string.Equals(f.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>The requirements a check helps evaluate, across frameworks.</summary>
    public IReadOnlyList<FrameworkReference> ReferencesFor(string checkId) => byCheck.GetValueOrDefault(checkId) ?? [];

    private static IEnumerable<Framework> LoadEmbedded()
    {
        var assembly = typeof(FrameworkCatalog).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("Argus.Posture.Frameworks.", StringComparison.Ordinal) && n.EndsWith(".yaml", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            yield return FrameworkLoader.Load(reader, name);
        }
    }
}
