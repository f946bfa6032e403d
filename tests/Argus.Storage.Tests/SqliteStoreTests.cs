using Argus.Core.Model;
using Argus.Storage.Import;
using Argus.Storage.Sqlite;
using Argus.Storage.Sql;
using Argus.Storage.Tests.Support;
using Argus.Tests;
using Microsoft.Data.Sqlite;
using static Argus.Storage.Tests.Support.TestData;

namespace Argus.Storage.Tests;

/// <summary>The store contract on a SQLite file in a temp folder, plus what only a file can get wrong.</summary>
public sealed class SqliteStoreTests : StoreContractTests
{
    private readonly string folder = TestPaths.NewTempFolder();

    protected override string Location => Path.Combine(folder, "argus.db");

    public override void Dispose()
    {
        base.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void A_file_that_is_not_a_database_is_a_clear_store_error()
    {
        File.WriteAllText(Location, "these are my notes, not a database\n" + new string('x', 5000));

        var e = Assert.Throws<StoreException>(() => StoreFactory.Open(Location));

        Assert.Contains(Location, e.Message);
        Assert.Contains("not a SQLite database", e.Message);
    }

    [Fact]
    public void Another_programs_database_is_left_alone()
    {
        using (var connection = new SqliteConnection($"Data Source={Location};Pooling=false"))
        {
            connection.Open();
            connection.Execute(null, "CREATE TABLE invoices (id INTEGER PRIMARY KEY)");
        }

        var e = Assert.Throws<StoreException>(() => StoreFactory.Open(Location));

        Assert.Contains("not an Argus store", e.Message);
    }

    [Fact]
    public void A_missing_folder_or_a_folder_given_as_the_file_is_a_clear_store_error()
    {
        var missing = Assert.Throws<StoreException>(() => StoreFactory.Open(Path.Combine(folder, "no", "such", "argus.db")));
        var isFolder = Assert.Throws<StoreException>(() => StoreFactory.Open(folder));

        Assert.Contains("does not exist", missing.Message);
        Assert.Contains("is a folder", isFolder.Message);
    }

    [Fact]
    public void The_file_is_in_wal_mode_so_readers_do_not_wait_for_a_writer()
    {
        var sql = (SqlArgusStore)Store;
        using var connection = sql.OpenConnection();

        using var command = connection.Command(null, "PRAGMA journal_mode");
        Assert.Equal("wal", command.ExecuteScalar());
    }

    [Fact]
    public void A_second_writer_waits_for_the_first_and_gives_up_with_a_clear_error_while_readers_carry_on()
    {
        Commit(Store, "snap-a", At(0));
        using var other = SqliteArgusStore.Open(Location, TimeSpan.FromSeconds(1));
        using (var writer = Store.BeginSnapshot("snap-b", At(1), "first writer", null))
        {
            writer.AddAssets([Asset("vpc-1")]);

            var busy = Assert.Throws<StoreException>(() => other.BeginSnapshot("snap-c", At(2), "second writer", null));
            Assert.Contains("busy", busy.Message);
            Assert.Equal("snap-a", Assert.Single(other.ListSnapshots()).Id);

            writer.Commit(At(3), SnapshotStatus.Complete, []);
        }

        using (var second = other.BeginSnapshot("snap-c", At(4), "second writer", null))
        {
            second.Commit(At(5), SnapshotStatus.Complete, []);
        }

        Assert.Equal(["snap-c", "snap-b", "snap-a"], Store.ListSnapshots().Select(s => s.Id));
        Assert.Equal("vpc-1", Assert.Single(other.QueryAssets("snap-b")).Id);
        using var connection = ((SqlArgusStore)Store).OpenConnection();
        using var check = connection.Command(null, "PRAGMA integrity_check");
        Assert.Equal("ok", check.ExecuteScalar());
    }

    [Fact]
    public void A_store_error_while_documents_stream_in_stops_the_source_too()
    {
        var source = new EndlessSource(repeatTheSameDocument: true);
        var import = Task.Run(() => new SnapshotImporter(Store, []).Import(source));

        Assert.True(((IAsyncResult)import).AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(30)), "the import did not stop");
        var e = Assert.IsType<StoreException>(import.Exception?.InnerException);
        Assert.Contains("DescribeVpcs", e.Message);
        Assert.Empty(Store.ListSnapshots());
    }
}
