using Argus.Aws.Client;

namespace Argus.VmScan.Workflow;

/// <summary>
/// Who calls where: the accounts whose instances are scanned (per region) and the scanner account that reads.
/// <paramref name="TargetAccount"/> is the first scanned account; <see cref="MoreTargets"/> the others of a
/// several-account run (--accounts, --org). The scanner is one account for all of them.
/// </summary>
/// <param name="Target">The call context for <paramref name="TargetAccount"/> in a region.</param>
/// <param name="Scanner">The call context for the scanner account in a region.</param>
public sealed record VmScanAccess(string TargetAccount, Func<string, AwsCallContext> Target, string ScannerAccount, Func<string, AwsCallContext> Scanner)
{
    /// <summary>The other scanned accounts, each with its call context per region (its Argus role, assumed).</summary>
    public IReadOnlyDictionary<string, Func<string, AwsCallContext>> MoreTargets { get; init; } = new Dictionary<string, Func<string, AwsCallContext>>();

    /// <summary>Every scanned account, the first one first, then the others in order.</summary>
    public IReadOnlyList<string> TargetAccounts => [TargetAccount, .. MoreTargets.Keys.Where(a => a != TargetAccount).Order(StringComparer.Ordinal)];

    /// <summary>The call context for a scanned account in a region.</summary>
    /// <exception cref="VmScanPlanException">Argus has no access to that account in this run.</exception>
    public AwsCallContext TargetIn(string account, string region) =>
        account == TargetAccount ? Target(region)
        : MoreTargets.TryGetValue(account, out var other) ? other(region)
        : throw new VmScanPlanException($"account {account} is not among the accounts of this run ({string.Join(", ", TargetAccounts)}); name it with --accounts or --org");
}
