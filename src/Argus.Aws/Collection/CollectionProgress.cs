namespace Argus.Aws.Collection;

/// <summary>How far a collection has come.</summary>
/// <param name="CallsDone">API calls finished, failed ones included.</param>
/// <param name="CallsKnown">Calls known so far; grows as parent answers reveal per-resource calls.</param>
/// <param name="Account">The account of the call that just finished.</param>
/// <param name="Region">Its region, or <c>global</c>.</param>
/// <param name="Gaps">Coverage gaps recorded so far.</param>
/// <param name="RegionsDone">Regions (account-regions, across an organization) whose calls have all finished.</param>
/// <param name="RegionsTotal">Regions (account-regions) known to be collected.</param>
/// <param name="AccountsDone">Accounts finished (collected, or given up as a gap).</param>
/// <param name="AccountsTotal">Accounts to collect: 1 without <c>--org</c>.</param>
public sealed record CollectionProgress(long CallsDone, long CallsKnown, string Account, string Region, int Gaps,
    int RegionsDone = 0, int RegionsTotal = 0, int AccountsDone = 0, int AccountsTotal = 1);
