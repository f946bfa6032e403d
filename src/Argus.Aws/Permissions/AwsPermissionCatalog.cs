using System.Collections.Frozen;
using Argus.Aws.Permissions.Catalog;
using Argus.Core.Model;
using Argus.Core.Permissions;

namespace Argus.Aws.Permissions;

/// <summary>
/// Every AWS action Argus may use, with the features that need it and why. The tables live in
/// <c>Permissions/Catalog/*.cs</c>, one file per area, so a reviewer reads them as data.
/// </summary>
public sealed class AwsPermissionCatalog : IPermissionCatalog
{
    private readonly FrozenDictionary<string, Permission> byAction;

    private AwsPermissionCatalog(IReadOnlyList<Permission> all)
    {
        All = all;
        byAction = all.ToFrozenDictionary(p => p.Action, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The catalog, built once.</summary>
    public static AwsPermissionCatalog Instance { get; } = new(
    [
        .. IdentityPermissions.All,
        .. NetworkPermissions.All,
        .. FlowLogPermissions.All,
        .. PosturePermissions.All,
        .. ContainerPermissions.All,
        .. WritePermissions.All,
    ]);

    /// <inheritdoc/>
    public IReadOnlyList<Permission> All { get; }

    /// <inheritdoc/>
    public Permission? Find(Provider provider, string action) =>
        provider == Provider.Aws && byAction.TryGetValue(action, out var permission) ? permission : null;

    /// <summary>The entries any of <paramref name="features"/> needs, in catalog order.</summary>
    public IReadOnlyList<Permission> For(IEnumerable<string> features)
    {
        var wanted = features.ToHashSet(StringComparer.Ordinal);
        return All.Where(p => p.Features.Any(wanted.Contains)).ToList();
    }

    /// <summary>
    /// Checks user-supplied feature names against <see cref="Features.All"/>, returning them in canonical order.
    /// </summary>
    /// <exception cref="ArgumentException">A name is not a feature; the message lists the valid ones.</exception>
    public static IReadOnlyList<string> ParseFeatures(IEnumerable<string> names)
    {
        var given = names.Select(n => n.Trim()).Where(n => n.Length > 0).ToList();
        var unknown = given.Where(n => !Features.All.Contains(n, StringComparer.OrdinalIgnoreCase)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException(
                $"unknown feature{(unknown.Count > 1 ? "s" : "")} {string.Join(", ", unknown.Select(u => $"'{u}'"))}; valid features: {string.Join(", ", Features.All)}");
        }

        return Features.All.Where(f => given.Contains(f, StringComparer.OrdinalIgnoreCase)).ToList();
    }
}
