using Argus.Core.Model;
using Argus.Network.FlowLogs.Rules;
using Argus.Storage;

namespace Argus.Cli.Commands;

/// <summary>
/// Which snapshots <c>argus rule-usage</c> judges flow records against: the one named by --snapshot, or else every
/// snapshot of the latest one's accounts in effect during the window (the last taken at or before --since, and
/// those taken up to --until), as a timeline when there are several.
/// </summary>
internal static class RuleUsageSnapshots
{
    public static IRuleUsageModel Model(IArgusStore store, Snapshot latest, bool chosen, DateTimeOffset? since, DateTimeOffset? until)
    {
        var timeline = chosen ? [latest] : InEffect(store.ListSnapshots(), latest, since, until);
        if (timeline.Count <= 1)
        {
            return Load(store, latest.Id);
        }

        try
        {
            return TimelineRuleModel.Build(timeline.Select(s => new TimelineSnapshot(s.Id, s.StartedAt, () => Load(store, s.Id))));
        }
        catch (ArgumentException)
        {
            // None of them holds network state: the caller reports the latest as empty.
            return Load(store, latest.Id);
        }
    }

    /// <summary>The snapshots sharing an account with <paramref name="latest"/> that were in effect between the times, oldest first.</summary>
    internal static IReadOnlyList<Snapshot> InEffect(IReadOnlyList<Snapshot> all, Snapshot latest, DateTimeOffset? since, DateTimeOffset? until)
    {
        var accounts = latest.Scopes.Select(s => (s.Provider, s.Account)).ToHashSet();
        var same = all.Where(s => s.Id == latest.Id || s.Scopes.Any(c => accounts.Contains((c.Provider, c.Account))))
            .Where(s => until is null || s.StartedAt <= until)
            .OrderBy(s => s.StartedAt).ThenBy(s => s.Id, StringComparer.Ordinal).ToList();
        // Snapshots stamped with the same time (the demo's or a preset's fixed capture time, run twice) describe the
        // same moment: the latest itself, else the last one stored, stands for it, not whichever sorts first.
        same = same.GroupBy(s => s.StartedAt)
            .Select(g => g.FirstOrDefault(s => s.Id == latest.Id) ?? g.Last())
            .ToList();
        if (since is { } from)
        {
            // The last snapshot taken at or before the window's start is the one in effect at its start.
            var first = same.FindLastIndex(s => s.StartedAt <= from);
            same = same.Skip(Math.Max(0, first)).ToList();
        }

        return same;
    }

    private static SnapshotRuleModel Load(IArgusStore store, string snapshotId) =>
        SnapshotRuleModel.FromDocuments(store.ReadDocuments(snapshotId, new DocumentQuery(Service: "ec2")));
}
