using Argus.Core.Model;

namespace Argus.Posture.Engine;

/// <summary>One run of the checks over a snapshot: what <c>IArgusStore.RecordFindings</c> takes, and how long it took.</summary>
/// <param name="ChecksRun">Every check id that ran, including those with no result (nothing to check).</param>
/// <param name="Scopes">The accounts and regions the scan covered; open findings there that were not reported again are resolved.</param>
public sealed record PostureScan(
    DateTimeOffset At,
    IReadOnlyList<CheckResult> Results,
    IReadOnlyList<string> ChecksRun,
    IReadOnlyList<Scope> Scopes,
    TimeSpan Elapsed);
