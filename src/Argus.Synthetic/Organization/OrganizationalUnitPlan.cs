namespace Argus.Synthetic.Organization;

/// <summary>An organizational unit; <paramref name="Path"/> is its place in the tree, e.g. <c>Workloads/Prod</c>.</summary>
internal sealed record OrganizationalUnitPlan(string Id, string Name, string ParentId, string Path);
