using System.Data.Common;
using Argus.Storage.Sql;

namespace Argus.Storage.Schema;

/// <summary>
/// Brings a store's schema up to <see cref="Migrations.Latest"/> on open, each migration once, in order, in one
/// transaction, recorded in <c>schema_migrations</c>. A store that is already current is only read, so opening
/// it never waits for another process's import.
/// </summary>
internal static class Migrator
{
    private const string MigrationsTable = "schema_migrations";

    public static void Apply(SqlArgusStore store) => store.Guard("open the store", () =>
    {
        using var connection = store.OpenConnection();
        if (CurrentVersion(store, connection, null) == Migrations.Latest)
        {
            return;
        }

        using var transaction = store.BeginWrite(connection);
        store.LockSchema(connection, transaction);
        connection.Execute(
            transaction,
            store.SchemaSql($"CREATE TABLE IF NOT EXISTS {MigrationsTable} (version INTEGER NOT NULL PRIMARY KEY, name {{text}} NOT NULL, applied_at {{time}} NOT NULL)"));

        // Read again under the lock: another process may have migrated meanwhile.
        var current = CurrentVersion(store, connection, transaction) ?? 0;
        foreach (var migration in Migrations.All.Where(m => m.Version > current))
        {
            connection.Execute(transaction, store.SchemaSql(migration.Sql));
            connection.Execute(
                transaction,
                $"INSERT INTO {MigrationsTable} (version, name, applied_at) VALUES (@version, @name, @at)",
                ("@version", migration.Version), ("@name", migration.Name), ("@at", store.Time(DateTimeOffset.UtcNow)));
        }

        transaction.Commit();
    });

    /// <summary>The applied version, or null when the store has no migrations table yet.</summary>
    public static int? CurrentVersion(SqlArgusStore store, DbConnection connection, DbTransaction? transaction)
    {
        if (connection.Count(transaction, store.TableExistsSql, ("@name", MigrationsTable)) == 0)
        {
            return null;
        }

        var version = (int)connection.Count(transaction, $"SELECT COALESCE(MAX(version), 0) FROM {MigrationsTable}");
        return version <= Migrations.Latest
            ? version
            : throw new StoreException($"{store.Description} has schema version {version}, newer than this build of Argus knows ({Migrations.Latest}); use a newer Argus");
    }
}
