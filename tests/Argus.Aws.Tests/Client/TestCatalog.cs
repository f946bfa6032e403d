using Argus.Core.Model;
using Argus.Core.Permissions;

namespace Argus.Aws.Tests.Client;

/// <summary>A permission catalog holding exactly the actions a test names.</summary>
internal sealed class TestCatalog(params string[] actions) : IPermissionCatalog
{
    public IReadOnlyList<Permission> All { get; } =
        actions.Select(a => new Permission(Provider.Aws, a, AccessLevel.Read, [Features.Inventory], "test")).ToList();

    public Permission? Find(Provider provider, string action) =>
        All.FirstOrDefault(p => p.Provider == provider && string.Equals(p.Action, action, StringComparison.OrdinalIgnoreCase));
}
