using System.Data.Common;
using Argus.Core.Model;
using Argus.Storage.Columns;

namespace Argus.Storage.Sql;

/// <summary>
/// Findings history, set-based so a scan's million results cost a bulk load and four statements.
/// <para>
/// A finding is open while <c>resolved_at</c> is NULL. Every status but PASS (FAIL, MANUAL, ERROR,
/// NOT_AUTHORIZED, MUTED) keeps or makes a finding open: an error is never a silent pass. PASS results are stored
/// too, as findings with status PASS that are resolved: a PASS on an open finding resolves it at that scan,
/// and a (check, resource) that has only ever passed has <c>resolved_at = first_seen</c>, so when it first
/// fails it counts as new and its <c>first_seen</c> moves to that scan.
/// </para>
/// <para>
/// Open findings of a check in <c>checksRun</c> whose provider, account and region lie in one of the scopes and
/// that this scan did not report are resolved. A scope whose region is <c>*</c> or empty covers every region of
/// its account. Calls are expected in scan order.
/// </para>
/// </summary>
internal static class FindingsRecorder
{
    private const string AnyRegion = "*";

    // Classified before anything changes, from the staged results joined to what is stored.
    private const string CountSql = $"""
        SELECT
            COALESCE(SUM(CASE WHEN r.status <> '{StoreNames.Pass}' AND (f.check_id IS NULL OR {NeverFailed}) THEN 1 ELSE 0 END), 0),
            COALESCE(SUM(CASE WHEN r.status <> '{StoreNames.Pass}' AND f.check_id IS NOT NULL AND f.resolved_at IS NULL THEN 1 ELSE 0 END), 0),
            COALESCE(SUM(CASE WHEN r.status = '{StoreNames.Pass}' AND f.check_id IS NOT NULL AND f.resolved_at IS NULL THEN 1 ELSE 0 END), 0),
            COALESCE(SUM(CASE WHEN r.status <> '{StoreNames.Pass}' AND f.resolved_at IS NOT NULL AND NOT ({NeverFailed}) THEN 1 ELSE 0 END), 0)
        FROM staged_results r LEFT JOIN findings f ON f.check_id = r.check_id AND f.resource_id = r.resource_id
        """;

    private const string NeverFailed = $"f.status = '{StoreNames.Pass}' AND f.resolved_at = f.first_seen";

    private const string ResolveUnreportedSql = $"""
        UPDATE findings SET resolved_at = @at
        WHERE resolved_at IS NULL
          AND check_id IN (SELECT check_id FROM staged_checks)
          AND EXISTS (SELECT 1 FROM staged_scopes s
                      WHERE s.provider = findings.provider AND s.account = findings.account AND (s.region = findings.region OR s.region = '{AnyRegion}'))
          AND NOT EXISTS (SELECT 1 FROM staged_results r WHERE r.check_id = findings.check_id AND r.resource_id = findings.resource_id)
        """;

    // "WHERE true" keeps SQLite from reading ON CONFLICT as a join's ON.
    private const string UpsertSql = $"""
        INSERT INTO findings (check_id, resource_id, provider, account, region, status, severity, message, evidence, frameworks,
                              last_snapshot, first_seen, last_seen, resolved_at)
        SELECT check_id, resource_id, provider, account, region, status, severity, message, evidence, frameworks,
               @snapshot, @at, @at, CASE WHEN status = '{StoreNames.Pass}' THEN @at ELSE NULL END
        FROM staged_results WHERE true
        ON CONFLICT (check_id, resource_id) DO UPDATE SET
            provider = excluded.provider, account = excluded.account, region = excluded.region, status = excluded.status,
            severity = excluded.severity, message = excluded.message, evidence = excluded.evidence, frameworks = excluded.frameworks,
            last_snapshot = excluded.last_snapshot, last_seen = excluded.last_seen,
            first_seen = CASE WHEN excluded.status <> '{StoreNames.Pass}' AND findings.status = '{StoreNames.Pass}' AND findings.resolved_at = findings.first_seen
                              THEN excluded.first_seen ELSE findings.first_seen END,
            resolved_at = CASE WHEN excluded.status <> '{StoreNames.Pass}' THEN NULL
                               WHEN findings.resolved_at IS NULL THEN excluded.last_seen
                               ELSE findings.resolved_at END
        """;

    public static FindingsUpdate Record(
        SqlArgusStore store, string snapshotId, DateTimeOffset at, IReadOnlyCollection<string> checksRun, IReadOnlyCollection<Scope> scopes, IReadOnlyCollection<CheckResult> results)
    {
        ArgumentNullException.ThrowIfNull(checksRun);
        ArgumentNullException.ThrowIfNull(scopes);
        ArgumentNullException.ThrowIfNull(results);
        var keys = new HashSet<(string, string)>();
        foreach (var r in results)
        {
            if (!keys.Add((r.CheckId, r.ResourceId)))
            {
                throw new ArgumentException($"check {r.CheckId} reported {r.ResourceId} more than once in one scan", nameof(results));
            }
        }

        return store.Guard("record findings", () =>
        {
            using var connection = store.OpenConnection();
            using var transaction = store.BeginWrite(connection);
            if (connection.Count(transaction, "SELECT COUNT(*) FROM snapshots WHERE id = @snapshot AND committed = 1", ("@snapshot", snapshotId)) == 0)
            {
                throw new ArgumentException($"no committed snapshot {snapshotId} in {store.Description}", nameof(snapshotId));
            }

            Stage(store, connection, transaction, Tables.StagedResults, results.Select(r => new object?[]
            {
                r.CheckId, r.ResourceId, r.Provider.ToName(), r.Account, r.Region, StoreNames.Name(r.Status), StoreNames.Name(r.Severity),
                r.Message, r.Evidence, StoreJson.Frameworks(r.Frameworks),
            }));
            Stage(store, connection, transaction, Tables.StagedChecks, checksRun.Distinct(StringComparer.Ordinal).Select(c => new object?[] { c }));
            Stage(store, connection, transaction, Tables.StagedScopes, scopes
                .Select(s => (Provider: s.Provider.ToName(), s.Account, Region: string.IsNullOrEmpty(s.Region) ? AnyRegion : s.Region))
                .Distinct()
                .Select(s => new object?[] { s.Provider, s.Account, s.Region }));

            int created, stillOpen, resolvedByPass, reopened;
            using (var command = connection.Command(transaction, CountSql))
            using (var reader = command.ExecuteReader())
            {
                reader.Read();
                created = Convert.ToInt32(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture);
                stillOpen = Convert.ToInt32(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture);
                resolvedByPass = Convert.ToInt32(reader.GetValue(2), System.Globalization.CultureInfo.InvariantCulture);
                reopened = Convert.ToInt32(reader.GetValue(3), System.Globalization.CultureInfo.InvariantCulture);
            }

            var time = store.Time(at);
            var resolvedUnreported = connection.Execute(transaction, ResolveUnreportedSql, ("@at", time));
            connection.Execute(transaction, UpsertSql, ("@snapshot", snapshotId), ("@at", time));
            foreach (var table in new[] { Tables.StagedResults, Tables.StagedChecks, Tables.StagedScopes })
            {
                connection.Execute(transaction, store.DropTempTableSql(table));
            }

            transaction.Commit();
            return new FindingsUpdate(created, stillOpen, resolvedByPass + resolvedUnreported, reopened);
        });
    }

    private static void Stage(SqlArgusStore store, DbConnection connection, DbTransaction transaction, RowTable table, IEnumerable<object?[]> rows)
    {
        connection.Execute(transaction, store.CreateTempTableSql(table));
        using var sink = store.OpenSink(connection, transaction, table);
        foreach (var row in rows)
        {
            sink.Add(row);
        }

        sink.Complete();
    }
}
