namespace Argus.Core.Model;

/// <summary>The lower-case names used in bundle paths, ids and the store.</summary>
public static class ProviderNames
{
    public static string ToName(this Provider provider) => provider switch
    {
        Provider.Aws => "aws",
        Provider.Azure => "azure",
        Provider.Kubernetes => "kubernetes",
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
    };

    public static Provider Parse(string name) => TryParse(name, out var p)
        ? p
        : throw new FormatException($"Unknown provider '{name}' (expected aws, azure or kubernetes).");

    public static bool TryParse(string? name, out Provider provider)
    {
        switch (name?.ToLowerInvariant())
        {
            case "aws": provider = Provider.Aws; return true;
            case "azure": provider = Provider.Azure; return true;
            case "kubernetes" or "k8s": provider = Provider.Kubernetes; return true;
            default: provider = default; return false;
        }
    }
}
