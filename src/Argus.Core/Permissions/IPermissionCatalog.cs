using Argus.Core.Model;

namespace Argus.Core.Permissions;

/// <summary>The single source of truth for what Argus may call. Connectors ask it before every call.</summary>
public interface IPermissionCatalog
{
    IReadOnlyList<Permission> All { get; }

    /// <summary>The entry for an action (case-insensitive, as IAM compares actions), or null when it is not declared.</summary>
    Permission? Find(Provider provider, string action);
}
