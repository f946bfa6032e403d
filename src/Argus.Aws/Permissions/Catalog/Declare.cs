using Argus.Core.Model;
using Argus.Core.Permissions;

namespace Argus.Aws.Permissions.Catalog;

/// <summary>Short constructors so the catalog files read as a table: action, features, justification.</summary>
internal static class Declare
{
    public static Permission Read(string action, string[] features, string justification, bool required = true) =>
        new(Provider.Aws, action, AccessLevel.Read, features, justification, required);

    public static Permission Write(string action, string[] features, string justification, bool required = true) =>
        new(Provider.Aws, action, AccessLevel.Write, features, justification, required);
}
