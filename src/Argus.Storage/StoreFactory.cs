using Argus.Storage.Postgres;
using Argus.Storage.Sqlite;

namespace Argus.Storage;

/// <summary>Opens the store a location names: a SQLite file path, a PostgreSQL connection string or URI, or the default file.</summary>
public static class StoreFactory
{
    /// <summary><c>$XDG_DATA_HOME/argus/argus.db</c>, else <c>~/.local/share/argus/argus.db</c>.</summary>
    public static string DefaultSqlitePath =>
        DefaultPath(Environment.GetEnvironmentVariable("XDG_DATA_HOME"), Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));

    /// <summary>
    /// Opens and, if needed, creates or migrates a store. Null or empty: SQLite at <see cref="DefaultSqlitePath"/>
    /// (its folder is created). <c>Host=...</c> keywords or a <c>postgresql://</c> / <c>postgres://</c> URI:
    /// PostgreSQL, the password from the location or <c>PGPASSWORD</c>. Anything else: a SQLite file path.
    /// </summary>
    /// <exception cref="StoreException">The store cannot be opened, is not an Argus store, or has a newer schema.</exception>
    public static IArgusStore Open(string? location)
    {
        if (string.IsNullOrWhiteSpace(location))
        {
            var path = DefaultSqlitePath;
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new StoreException($"cannot create the folder for the default store {path}: {e.Message}", e);
            }

            return SqliteArgusStore.Open(path);
        }

        return PostgresLocation.IsPostgres(location)
            ? PostgresArgusStore.Open(location)
            : SqliteArgusStore.Open(location);
    }

    /// <summary>The XDG base directory rule: a relative <c>XDG_DATA_HOME</c> is ignored.</summary>
    internal static string DefaultPath(string? xdgDataHome, string home) => Path.Combine(
        !string.IsNullOrEmpty(xdgDataHome) && Path.IsPathRooted(xdgDataHome) ? xdgDataHome : Path.Combine(home, ".local", "share"),
        "argus",
        "argus.db");
}
