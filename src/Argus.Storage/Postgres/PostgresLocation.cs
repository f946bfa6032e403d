using Npgsql;

namespace Argus.Storage.Postgres;

/// <summary>
/// Recognises PostgreSQL locations and turns a <c>postgresql://</c> URI into an Npgsql connection string.
/// A password may come from the URI or, as libpq does, from <c>PGPASSWORD</c> (Npgsql reads it).
/// </summary>
internal static class PostgresLocation
{
    private static readonly string[] Schemes = ["postgresql://", "postgres://"];

    // libpq URI parameters and the Npgsql keywords that mean the same.
    private static readonly Dictionary<string, string> Parameters = new(StringComparer.Ordinal)
    {
        ["host"] = "Host",
        ["port"] = "Port",
        ["dbname"] = "Database",
        ["user"] = "Username",
        ["password"] = "Password",
        ["application_name"] = "Application Name",
        ["connect_timeout"] = "Timeout",
        ["options"] = "Options",
        ["target_session_attrs"] = "Target Session Attributes",
        ["sslrootcert"] = "Root Certificate",
        ["sslcert"] = "SSL Certificate",
        ["sslkey"] = "SSL Key",
        ["sslpassword"] = "SSL Password",
    };

    public static bool IsPostgres(string location) =>
        Schemes.Any(s => location.StartsWith(s, StringComparison.OrdinalIgnoreCase))
        || location.Contains("Host=", StringComparison.OrdinalIgnoreCase);

    /// <summary>An Npgsql connection string for a keyword string or a URI; bad input gets a <see cref="StoreException"/>.</summary>
    public static NpgsqlConnectionStringBuilder Parse(string location)
    {
        try
        {
            var builder = Schemes.Any(s => location.StartsWith(s, StringComparison.OrdinalIgnoreCase))
                ? FromUri(location)
                : new NpgsqlConnectionStringBuilder(location);
            if (string.IsNullOrEmpty(builder.Host) && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("PGHOST")))
            {
                throw new StoreException("the PostgreSQL location names no host (and PGHOST is not set)");
            }

            return builder;
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            // Npgsql's messages name the keyword, never its value, so no password can leak through them.
            throw new StoreException($"invalid PostgreSQL location: {e.Message}", e);
        }
    }

    /// <summary>Where the store is, for messages: <c>postgresql://user@host:port/database</c>, never the password.</summary>
    public static string Describe(NpgsqlConnectionStringBuilder builder)
    {
        var user = string.IsNullOrEmpty(builder.Username) ? "" : builder.Username + "@";
        var schema = string.IsNullOrEmpty(builder.SearchPath) ? "" : $" (schema {builder.SearchPath})";
        return $"postgresql://{user}{builder.Host}:{builder.Port}/{builder.Database}{schema}";
    }

    private static NpgsqlConnectionStringBuilder FromUri(string uri)
    {
        // postgresql://[user[:password]@][host][:port][,host[:port]...][/dbname][?name=value&...]
        var rest = uri[(uri.IndexOf("://", StringComparison.Ordinal) + 3)..];
        var builder = new NpgsqlConnectionStringBuilder();
        var query = Cut(ref rest, '?');
        var path = Cut(ref rest, '/');
        var at = rest.LastIndexOf('@');
        if (at >= 0)
        {
            var userInfo = rest[..at];
            rest = rest[(at + 1)..];
            var password = Cut(ref userInfo, ':');
            builder.Username = Decode(userInfo);
            if (password is not null)
            {
                builder.Password = Decode(password);
            }
        }

        if (rest.Length > 0)
        {
            var hosts = rest.Split(',');
            if (hosts.Length == 1)
            {
                var (host, port) = HostAndPort(hosts[0]);
                builder.Host = host;
                if (port is not null)
                {
                    builder.Port = Port(port);
                }
            }
            else
            {
                // Npgsql takes several hosts as host:port pairs in Host.
                builder.Host = string.Join(',', hosts.Select(h => Decode(h)));
            }
        }

        if (!string.IsNullOrEmpty(path))
        {
            builder.Database = Decode(path);
        }

        foreach (var pair in (query ?? "").Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var key = pair;
            var text = Decode(Cut(ref key, '=') ?? "");
            key = Decode(key);
            if (key == "sslmode")
            {
                builder.SslMode = SslMode(text);
            }
            else if (key == "port")
            {
                builder.Port = Port(text);
            }
            else if (Parameters.TryGetValue(key, out var keyword))
            {
                builder[keyword] = text;
            }
            else
            {
                throw new StoreException($"unsupported parameter '{key}' in the PostgreSQL URI (supported: sslmode, {string.Join(", ", Parameters.Keys)})");
            }
        }

        return builder;
    }

    /// <summary>Splits <paramref name="text"/> at the first <paramref name="separator"/>: keeps what is before, returns what is after (null if absent).</summary>
    private static string? Cut(ref string text, char separator)
    {
        var i = text.IndexOf(separator, StringComparison.Ordinal);
        if (i < 0)
        {
            return null;
        }

        var after = text[(i + 1)..];
        text = text[..i];
        return after;
    }

    private static (string Host, string? Port) HostAndPort(string text)
    {
        if (text.StartsWith('['))
        {
            var close = text.IndexOf(']', StringComparison.Ordinal);
            return close < 0
                ? throw new StoreException("invalid PostgreSQL URI: an IPv6 host lacks its closing ']'")
                : (text[1..close], text.Length > close + 2 && text[close + 1] == ':' ? text[(close + 2)..] : null);
        }

        var colon = text.LastIndexOf(':');
        return colon < 0 ? (Decode(text), null) : (Decode(text[..colon]), text[(colon + 1)..]);
    }

    private static int Port(string text) => int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536
        ? port
        : throw new StoreException($"invalid PostgreSQL URI: port '{text}' is not a number from 1 to 65535");

    private static SslMode SslMode(string text) => text switch
    {
        "disable" => Npgsql.SslMode.Disable,
        "allow" => Npgsql.SslMode.Allow,
        "prefer" => Npgsql.SslMode.Prefer,
        "require" => Npgsql.SslMode.Require,
        "verify-ca" => Npgsql.SslMode.VerifyCA,
        "verify-full" => Npgsql.SslMode.VerifyFull,
        _ => throw new StoreException($"invalid PostgreSQL URI: sslmode '{text}' (expected disable, allow, prefer, require, verify-ca or verify-full)"),
    };

    private static string Decode(string text) => Uri.UnescapeDataString(text);
}
