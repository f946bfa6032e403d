namespace Argus.Aws.Collection;

/// <summary>How to reach an organization's member accounts from its management (or delegated admin) account.</summary>
/// <param name="RoleName">The role assumed in each member account (the onboarding template's name).</param>
/// <param name="ExternalId">The sts:ExternalId the members' roles require, if any.</param>
/// <param name="IncludeAccounts">When not empty, only these member account ids.</param>
/// <param name="ExcludeAccounts">Member account ids to leave out.</param>
/// <param name="MaxParallelAccounts">Accounts collected at once; each has its own rate limits and call slots.</param>
public sealed record AwsOrganizationOptions(
    string RoleName = "ArgusReadOnly",
    string? ExternalId = null,
    IReadOnlyCollection<string>? IncludeAccounts = null,
    IReadOnlyCollection<string>? ExcludeAccounts = null,
    int MaxParallelAccounts = AwsOrganizationOptions.DefaultMaxParallelAccounts)
{
    /// <summary>
    /// Four accounts at once: with 16 calls in flight each, 64 connections, which a laptop and its network carry
    /// easily while each account still runs at its own AWS rate.
    /// </summary>
    public const int DefaultMaxParallelAccounts = 4;

    /// <summary>Whether a member account is to be collected under the include and exclude lists.</summary>
    public bool Selects(string account) =>
        (IncludeAccounts is not { Count: > 0 } || IncludeAccounts.Contains(account)) && ExcludeAccounts?.Contains(account) != true;
}
