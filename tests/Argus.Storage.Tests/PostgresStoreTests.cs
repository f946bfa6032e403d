using Argus.Storage.Tests.Support;
using Npgsql;

namespace Argus.Storage.Tests;

/// <summary>
/// The store contract on PostgreSQL, in a schema of its own per test (dropped after), so runs never collide.
/// Runs when ARGUS_TEST_POSTGRES holds a connection string (scripts/postgres.sh prints one).
/// </summary>
[RequiresEnvironment(Variable, "ARGUS_TEST_POSTGRES is not set; run: eval \"$(scripts/postgres.sh)\"")]
public sealed class PostgresStoreTests : StoreContractTests
{
    public const string Variable = "ARGUS_TEST_POSTGRES";

    private readonly string schema = "argus_test_" + Guid.NewGuid().ToString("N");
    private readonly string server = Environment.GetEnvironmentVariable(Variable) ?? "";
    private bool created;

    protected override string Location
    {
        get
        {
            if (!created)
            {
                Admin($"CREATE SCHEMA {schema}");
                created = true;
            }

            return new NpgsqlConnectionStringBuilder(server) { SearchPath = schema }.ConnectionString;
        }
    }

    public override void Dispose()
    {
        base.Dispose();
        if (created)
        {
            NpgsqlConnection.ClearAllPools();
            Admin($"DROP SCHEMA {schema} CASCADE");
        }
    }

    [StoreFact]
    public void The_description_names_the_database_and_never_the_password()
    {
        var location = new NpgsqlConnectionStringBuilder(Location) { Password = "s3cret-pw" }.ConnectionString;

        using var store = StoreFactory.Open(location);

        Assert.StartsWith("postgresql://", store.Description);
        Assert.Contains(new NpgsqlConnectionStringBuilder(server).Database!, store.Description);
        Assert.DoesNotContain("s3cret-pw", store.Description);
    }

    [StoreFact]
    public void A_uri_location_opens_the_same_store()
    {
        var b = new NpgsqlConnectionStringBuilder(server);
        Support.TestData.Commit(Store, "snap-uri", Support.TestData.At(0));

        using var store = StoreFactory.Open($"postgresql://{b.Username}:ignored-pw@{b.Host}:{b.Port}/{b.Database}?options=-c%20search_path%3D{schema}");

        Assert.Equal("snap-uri", Assert.Single(store.ListSnapshots()).Id);
        Assert.DoesNotContain("ignored-pw", store.Description);
    }

    [StoreFact]
    public void A_database_that_does_not_exist_is_a_clear_store_error()
    {
        var location = new NpgsqlConnectionStringBuilder(server) { Database = "argus_no_such_db", Password = "pw-never-shown" }.ConnectionString;

        var e = Assert.Throws<StoreException>(() => StoreFactory.Open(location));

        Assert.Contains("argus_no_such_db", e.Message);
        Assert.DoesNotContain("pw-never-shown", e.Message);
    }

    private void Admin(string sql)
    {
        using var connection = new NpgsqlConnection(server);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
