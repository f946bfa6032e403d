using System.Collections.Concurrent;

namespace Argus.Aws.Collection;

/// <summary>
/// Sums the progress of the accounts of an organization collected at once into one report: calls and regions of
/// every account, accounts finished out of all.
/// </summary>
internal sealed class OrganizationProgress(IProgress<CollectionProgress>? inner) : IProgress<CollectionProgress>
{
    private readonly ConcurrentDictionary<string, CollectionProgress> latest = new(StringComparer.Ordinal);
    private int accountsDone;

    /// <summary>Accounts to collect, once the organization's accounts are listed.</summary>
    public int AccountsTotal { get; set; } = 1;

    public void Report(CollectionProgress value)
    {
        // An account's reports can arrive out of order from its parallel calls: keep the furthest.
        latest.AddOrUpdate(value.Account, value, (_, previous) => value.CallsDone >= previous.CallsDone ? value : previous);
        Publish(value.Account, value.Region);
    }

    public void AccountDone()
    {
        Interlocked.Increment(ref accountsDone);
        Publish("", "");
    }

    private void Publish(string account, string region)
    {
        if (inner is null)
        {
            return;
        }

        var all = latest.Values.ToList();
        inner.Report(new CollectionProgress(all.Sum(p => p.CallsDone), all.Sum(p => p.CallsKnown), account, region, all.Sum(p => p.Gaps),
            all.Sum(p => p.RegionsDone), all.Sum(p => p.RegionsTotal), Volatile.Read(ref accountsDone), AccountsTotal));
    }
}
