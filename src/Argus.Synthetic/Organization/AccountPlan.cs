namespace Argus.Synthetic.Organization;

/// <summary>One member account of the organization.</summary>
/// <param name="Index">Position in the organization, from 0 (the management account).</param>
/// <param name="Id">The 12-digit account id.</param>
/// <param name="Name">The account name shown by Organizations, e.g. <c>acme-prod</c>.</param>
/// <param name="Prefix">The short prefix of its resources' names, e.g. <c>prod</c> or <c>payments-prod</c>.</param>
/// <param name="Environment"><c>prod</c>, <c>staging</c>, <c>dev</c>, <c>sandbox</c>, or empty for platform accounts.</param>
/// <param name="TeamIndex">For workload accounts, the owning team's index.</param>
/// <param name="Team">The owning team's name in tags: a product team, or <c>platform</c>.</param>
/// <param name="ParentId">The root or organizational unit the account sits in.</param>
internal sealed record AccountPlan(
    int Index,
    string Id,
    string Name,
    string Prefix,
    string Email,
    AccountRole Role,
    string Environment,
    int TeamIndex,
    string Team,
    string ParentId,
    DateTimeOffset Joined,
    bool Invited)
{
    public bool IsProduction => Environment == "prod";

    public string Arn(string organizationId, string managementId) =>
        $"arn:aws:organizations::{managementId}:account/{organizationId}/{Id}";

    public override string ToString() => $"{Name} ({Id})";
}
