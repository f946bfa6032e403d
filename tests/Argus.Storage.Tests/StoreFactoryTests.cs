using Argus.Storage.Postgres;
using Argus.Tests;
using Npgsql;

namespace Argus.Storage.Tests;

public sealed class StoreFactoryTests
{
    [Theory]
    [InlineData(null, "/home/ann/.local/share/argus/argus.db")]
    [InlineData("", "/home/ann/.local/share/argus/argus.db")]
    [InlineData("relative/data", "/home/ann/.local/share/argus/argus.db")]
    [InlineData("/srv/data", "/srv/data/argus/argus.db")]
    public void The_default_store_follows_the_xdg_data_home_rule(string? xdgDataHome, string expected) =>
        Assert.Equal(expected, StoreFactory.DefaultPath(xdgDataHome, "/home/ann"));

    [Theory]
    [InlineData("Host=db;Database=argus;Username=argus", true)]
    [InlineData("host=db;database=argus", true)]
    [InlineData("Port=5433;Host=db", true)]
    [InlineData("postgresql://argus@db/argus", true)]
    [InlineData("POSTGRES://db", true)]
    [InlineData("/tmp/argus.db", false)]
    [InlineData("argus.db", false)]
    [InlineData("C:/data/postgresql.db", false)]
    public void PostgreSQL_locations_are_told_from_file_paths(string location, bool isPostgres) =>
        Assert.Equal(isPostgres, PostgresLocation.IsPostgres(location));

    [Fact]
    public void A_full_uri_becomes_the_same_connection_string()
    {
        var b = PostgresLocation.Parse("postgresql://ann%40corp:p%40ss%3Aword@db.example:5433/argus%20prod?sslmode=verify-full&application_name=argus&connect_timeout=7");

        Assert.Equal(("db.example", 5433, "argus prod", "ann@corp", "p@ss:word"), (b.Host, b.Port, b.Database, b.Username, b.Password));
        Assert.Equal((SslMode.VerifyFull, "argus", 7), (b.SslMode, b.ApplicationName, b.Timeout));
        Assert.Equal("postgresql://ann@corp@db.example:5433/argus prod", PostgresLocation.Describe(b));
    }

    [Fact]
    public void A_short_uri_leaves_the_rest_to_defaults_and_the_environment()
    {
        var b = PostgresLocation.Parse("postgres://db/argus");

        Assert.Equal(("db", 5432, "argus"), (b.Host, b.Port, b.Database));
        Assert.Null(b.Username);
        Assert.Null(b.Password);
    }

    [Fact]
    public void Ipv6_several_hosts_and_socket_folders_are_understood()
    {
        var v6 = PostgresLocation.Parse("postgresql://u@[::1]:6543/argus");
        var many = PostgresLocation.Parse("postgresql://u@db1:5432,db2:5433/argus?target_session_attrs=primary");
        var socket = PostgresLocation.Parse("postgresql:///argus?host=%2Fvar%2Frun%2Fpostgresql");

        Assert.Equal(("::1", 6543), (v6.Host, v6.Port));
        Assert.Equal("db1:5432,db2:5433", many.Host);
        Assert.Equal("/var/run/postgresql", socket.Host);
    }

    [Theory]
    [InlineData("postgresql://u@db:notaport/argus", "port 'notaport'")]
    [InlineData("postgresql://u@db/argus?sslmode=sometimes", "sslmode 'sometimes'")]
    [InlineData("postgresql://u@db/argus?fancy=1", "unsupported parameter 'fancy'")]
    [InlineData("postgresql:///argus", "names no host")]
    [InlineData("Host=db;Pasword=secret-value", "invalid PostgreSQL location")]
    public void Bad_locations_say_what_is_wrong_and_never_show_a_password(string location, string expected)
    {
        var e = Assert.Throws<StoreException>(() => PostgresLocation.Parse(location));

        Assert.Contains(expected, e.Message);
        Assert.DoesNotContain("secret-value", e.Message);
    }

    [Fact]
    public void A_server_that_does_not_answer_is_a_store_error_without_the_password()
    {
        var e = Assert.Throws<StoreException>(() => StoreFactory.Open($"Host=127.0.0.1;Port={UnusedPort()};Database=argus;Username=argus;Password=hunter2-secret;Timeout=3"));

        Assert.Contains("postgresql://argus@127.0.0.1", e.Message);
        Assert.DoesNotContain("hunter2-secret", e.Message);
    }

    [Fact]
    public void An_explicit_path_opens_a_sqlite_file_there()
    {
        var folder = TestPaths.NewTempFolder();
        try
        {
            var path = Path.Combine(folder, "mine.db");
            using (var store = StoreFactory.Open(path))
            {
                Assert.Equal(path, store.Description);
            }

            Assert.True(File.Exists(path));
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    private static int UnusedPort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
