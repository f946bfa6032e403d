namespace Argus.Core.Permissions;

/// <summary>
/// A connector tried a call whose action the permission catalog does not declare: a programming error, never
/// a cloud answer, so it is not a coverage gap.
/// </summary>
public sealed class PermissionDeniedByCatalogException(string action)
    : InvalidOperationException($"{action} is not in Argus's permission catalog; declare it (with its feature and justification) before calling it")
{
    public string Action { get; } = action;
}
