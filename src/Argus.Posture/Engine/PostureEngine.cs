using System.Collections.Concurrent;
using System.Diagnostics;
using Argus.Core.Model;
using Argus.Posture.Checks;
using Argus.Posture.Frameworks;
using Argus.Posture.Muting;

namespace Argus.Posture.Engine;

/// <summary>
/// Runs checks over a snapshot's raw documents, adds severity and framework references, and applies mute rules.
/// Checks run in parallel; results come back sorted by check and resource so two scans of one snapshot are identical.
/// </summary>
public sealed class PostureEngine(CheckCatalog checks, FrameworkCatalog frameworks)
{
    public static PostureEngine Default { get; } = new(CheckCatalog.Default, FrameworkCatalog.Default);

    public CheckCatalog Checks { get; } = checks;

    public FrameworkCatalog Frameworks { get; } = frameworks;

    /// <summary>Reads the documents once and runs every check (or those in <paramref name="only"/>).</summary>
    public PostureScan Scan(IEnumerable<RawDocument> documents, IReadOnlyList<CoverageGap> gaps, DateTimeOffset at, IEnumerable<Scope>? scopes = null,
        MuteRules? mutes = null, IReadOnlyCollection<string>? only = null)
    {
        using var context = new PostureContext(documents, gaps, at, scopes);
        return Scan(context, mutes, only);
    }

    public PostureScan Scan(PostureContext context, MuteRules? mutes = null, IReadOnlyCollection<string>? only = null)
    {
        var clock = Stopwatch.StartNew();
        var selected = Checks.All.Where(c => only is null || only.Contains(c.Id)).ToList();
        var ordered = selected.OrderBy(c => c.Id, StringComparer.Ordinal).ToList();

        // Each worker sorts its own check's results (by resource, then account), so the sort runs in parallel and
        // the whole list is those sorted lists concatenated in check id order.
        // One check at a time per worker (no chunking): a few checks over every instance or volume take most of the time.
        var perCheck = new List<CheckResult>[ordered.Count];
        var indices = Partitioner.Create(Enumerable.Range(0, ordered.Count), EnumerablePartitionerOptions.NoBuffering);
        Parallel.ForEach(indices, i =>
        {
            var results = Run(ordered[i], context, mutes ?? MuteRules.None).ToList();
            results.Sort(static (a, b) =>
            {
                var byResource = string.CompareOrdinal(a.ResourceId, b.ResourceId);
                return byResource != 0 ? byResource : string.CompareOrdinal(a.Account, b.Account);
            });
            perCheck[i] = results;
        });

        var sorted = new List<CheckResult>(perCheck.Sum(r => r.Count));
        foreach (var results in perCheck)
        {
            sorted.AddRange(results);
        }

        var scopes = context.Accounts
            .SelectMany(a => context.RegionsOf(a).Append(Regions.Global).Select(r => new Scope(Provider.Aws, a, r)))
            .ToList();
        return new PostureScan(context.At, sorted, selected.Select(c => c.Id).ToList(), scopes, clock.Elapsed);
    }

    private IEnumerable<CheckResult> Run(Check check, PostureContext context, MuteRules mutes)
    {
        var meta = check.Metadata;
        var references = Frameworks.ReferencesFor(meta.Id);
        List<CheckOutcome> outcomes;
        try
        {
            outcomes = check.Evaluate(context).ToList();
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or FormatException or KeyNotFoundException or ArgumentException)
        {
            // A document in an unexpected shape must not stop the scan, nor pass silently: every account gets an ERROR.
            outcomes = context.Accounts.Select(a => new CheckOutcome($"arn:aws:iam::{a}:root/{meta.Id}", a, Regions.Global, FindingStatus.Error,
                $"check failed on unexpected data: {e.GetType().Name}: {e.Message}", "{}")).ToList();
        }

        // One (check, resource) is one finding; a check that reports a resource twice keeps the first verdict.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var outcome in outcomes)
        {
            if (!seen.Add(outcome.ResourceId))
            {
                continue;
            }

            var status = outcome.Status;
            var message = outcome.Message;
            if (status is FindingStatus.Fail or FindingStatus.Manual && mutes.Match(outcome, meta.Id, context.At) is { } rule)
            {
                message = $"muted ({rule.Reason}{(rule.Expires is { } e ? $", until {e:yyyy-MM-dd}" : "")}): was {status.ToString().ToUpperInvariant()}: {message}";
                status = FindingStatus.Muted;
            }

            yield return new CheckResult(meta.Id, outcome.ResourceId, Provider.Aws, outcome.Account, outcome.Region, status, meta.Severity, message, outcome.Evidence, references);
        }
    }
}
