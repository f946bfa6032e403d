namespace Argus.Aws.Collection;

/// <summary>How far a collection has come.</summary>
/// <param name="CallsDone">API calls finished, failed ones included.</param>
/// <param name="CallsKnown">Calls known so far; grows as parent answers reveal per-resource calls.</param>
/// <param name="Account">The account of the call that just finished.</param>
/// <param name="Region">Its region, or <c>global</c>.</param>
/// <param name="Gaps">Coverage gaps recorded so far.</param>
public sealed record CollectionProgress(long CallsDone, long CallsKnown, string Account, string Region, int Gaps);
