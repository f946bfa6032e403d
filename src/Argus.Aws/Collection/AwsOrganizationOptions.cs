namespace Argus.Aws.Collection;

/// <summary>How to reach an organization's member accounts from its management (or delegated admin) account.</summary>
/// <param name="RoleName">The role assumed in each member account (the onboarding template's name).</param>
/// <param name="ExternalId">The sts:ExternalId the members' roles require, if any.</param>
/// <param name="IncludeAccounts">When not empty, only these member account ids.</param>
/// <param name="ExcludeAccounts">Member account ids to leave out.</param>
public sealed record AwsOrganizationOptions(
    string RoleName = "ArgusReadOnly",
    string? ExternalId = null,
    IReadOnlyCollection<string>? IncludeAccounts = null,
    IReadOnlyCollection<string>? ExcludeAccounts = null)
{
    /// <summary>Whether a member account is to be collected under the include and exclude lists.</summary>
    public bool Selects(string account) =>
        (IncludeAccounts is not { Count: > 0 } || IncludeAccounts.Contains(account)) && ExcludeAccounts?.Contains(account) != true;
}
