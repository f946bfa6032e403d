using System.Text;

namespace Argus.Aws.Onboarding;

/// <summary>The managed policies that together grant exactly what the selected features need.</summary>
/// <param name="Features">The features, in <see cref="Core.Permissions.Features.All"/> order.</param>
/// <param name="RoleName">The role the policies are meant for (it scopes role chaining for <c>--org</c>).</param>
public sealed record PolicySet(IReadOnlyList<string> Features, string RoleName, IReadOnlyList<ManagedPolicy> Policies)
{
    /// <summary>Every action granted, once, sorted.</summary>
    public IReadOnlyList<string> Actions =>
        Policies.SelectMany(p => p.Statements).SelectMany(s => s.Actions).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    /// <summary>Whether any granted action changes something (a write feature is selected).</summary>
    public bool GrantsWrites => Actions.Any(a => Permissions.AwsPermissionCatalog.Instance.Find(Core.Model.Provider.Aws, a)?.Access == Core.Permissions.AccessLevel.Write);

    /// <summary>
    /// The policies as IAM policy JSON: one document when it fits, otherwise a JSON object mapping each policy name
    /// to its document, preceded by nothing else so it stays machine-readable (the split is announced by the caller).
    /// </summary>
    public string ToJson()
    {
        if (Policies.Count == 1)
        {
            return Policies[0].ToJson() + "\n";
        }

        var text = new StringBuilder("{\n");
        for (var i = 0; i < Policies.Count; i++)
        {
            var document = Policies[i].ToJson().Replace("\n", "\n  ", StringComparison.Ordinal);
            text.Append($"  \"{Policies[i].Name}\": {document}{(i < Policies.Count - 1 ? "," : "")}\n");
        }

        return text.Append("}\n").ToString();
    }
}
