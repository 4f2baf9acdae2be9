using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace Cradle.Store.Postgres;

/// <summary>
/// The libpq connection URI, <c>postgres[ql]://[user[:password]@][host][:port][/database][?param=value&amp;…]</c>, read
/// into an Npgsql connection string; and the same URI with its password masked, the only form ever shown. An Npgsql
/// key=value connection string that starts with <c>Host=</c> or <c>Server=</c> is accepted too, as it is.
/// </summary>
public static partial class PostgresUri
{
    private const string Mask = "***";

    // libpq's query parameter names (https://www.postgresql.org/docs/current/libpq-connect.html) that mean something
    // to Npgsql, and search_path (Npgsql's 'Search Path': keeps the store in one schema of a shared database).
    private static readonly Dictionary<string, string> Parameters = new(StringComparer.Ordinal)
    {
        ["host"] = "Host",
        ["port"] = "Port",
        ["user"] = "Username",
        ["password"] = "Password",
        ["dbname"] = "Database",
        ["sslmode"] = "SSL Mode",
        ["connect_timeout"] = "Timeout",
        ["application_name"] = "Application Name",
        ["search_path"] = "Search Path",
    };

    /// <summary>Whether <paramref name="location"/> names a PostgreSQL server rather than a file: a URI (scheme
    /// postgres:// or postgresql://, any case) or a key=value connection string starting with Host= or Server=.</summary>
    public static bool IsPostgres(string location) => IsUri(location) || IsKeyValue(location);

    /// <summary>Whether <paramref name="location"/> is a PostgreSQL URI (scheme postgres:// or postgresql://, any case).</summary>
    public static bool IsUri(string location)
    {
        ArgumentNullException.ThrowIfNull(location);
        return location.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            || location.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase);
    }

    // "Host=db;Username=ada;…": a file path starting so is not worth the confusion of writing a SQLite file by that name.
    private static bool IsKeyValue(string location)
    {
        ArgumentNullException.ThrowIfNull(location);
        return KeyValueStart().IsMatch(location);
    }

    [GeneratedRegex(@"^\s*(host|server)\s*=", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex KeyValueStart();

    [GeneratedRegex(@"(?<key>(password|pwd)\s*=\s*)(?<value>""[^""]*""|'[^']*'|[^;]*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex KeyValuePassword();

    /// <summary>The Npgsql connection string for a URI. A password left out is taken by Npgsql from PGPASSWORD or
    /// ~/.pgpass, as libpq does; the database defaults to the user name.</summary>
    /// <exception cref="StoreException">The URI is malformed (code <c>bad-store-uri</c>); the message shows it
    /// masked.</exception>
    public static string ToConnectionString(string uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (IsKeyValue(uri))
        {
            try
            {
                return new NpgsqlConnectionStringBuilder(uri).ConnectionString;
            }
            catch (Exception e) when (e is ArgumentException or FormatException)
            {
                // Npgsql's message names the keyword at fault; the string itself is shown masked.
                throw Bad(uri, $"it is not a valid Npgsql connection string ({e.Message})");
            }
        }

        var parts = Split(uri);
        var builder = new NpgsqlConnectionStringBuilder();
        if (parts.User is not null)
        {
            builder.Username = Decode(parts.User);
        }

        if (parts.Password is not null)
        {
            builder.Password = Decode(parts.Password);
        }

        if (parts.Host.Length > 0)
        {
            builder.Host = Decode(parts.Host);
        }

        if (parts.Port is { } port)
        {
            builder.Port = port;
        }

        if (parts.Database.Length > 0)
        {
            builder.Database = Decode(parts.Database);
        }

        foreach (var pair in parts.Query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Decode(equals < 0 ? pair : pair[..equals]);
            if (equals < 0 || !Parameters.TryGetValue(key, out var keyword))
            {
                throw Bad(uri, $"the parameter '{key}' is not one of {string.Join(", ", Parameters.Keys)} (written name=value)");
            }

            try
            {
                builder[keyword] = Decode(pair[(equals + 1)..]);
            }
            catch (Exception e) when (e is ArgumentException or FormatException)
            {
                throw Bad(uri, $"the value of '{key}' is not valid ({e.Message})");
            }
        }

        return builder.ConnectionString;
    }

    /// <summary>The location as it may be shown: a URI with its password (in the user part or a password parameter)
    /// replaced by ***; anything else unchanged.</summary>
    public static string Masked(string location)
    {
        ArgumentNullException.ThrowIfNull(location);
        if (IsKeyValue(location))
        {
            return KeyValuePassword().Replace(location, m => m.Groups["key"].Value + Mask);
        }

        if (!IsUri(location))
        {
            return location;
        }

        // The user part ends at the last '@' of the whole URI (see Split), so a password holding an unencoded '/', '?'
        // or '@' is masked whole rather than cut where a parser would cut it.
        var scheme = location.IndexOf("://", StringComparison.Ordinal) + 3;
        var rest = location[scheme..];
        var at = rest.LastIndexOf('@');
        var userInfo = at < 0 ? "" : rest[..(at + 1)];
        var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            userInfo = userInfo[..(colon + 1)] + Mask + "@";
        }

        var afterUser = at < 0 ? rest : rest[(at + 1)..];
        var queryAt = afterUser.IndexOf('?', StringComparison.Ordinal);
        var query = queryAt < 0 ? null : afterUser[(queryAt + 1)..];
        if (query is not null)
        {
            query = string.Join('&', query.Split('&').Select(p =>
                p.StartsWith("password=", StringComparison.OrdinalIgnoreCase) ? "password=" + Mask : p));
        }

        return location[..scheme] + userInfo + (queryAt < 0 ? afterUser : afterUser[..queryAt]) + (query is null ? "" : "?" + query);
    }
    private sealed record UriParts(string? User, string? Password, string Host, int? Port, string Database, string Query);

    private static UriParts Split(string uri)
    {
        if (!IsUri(uri))
        {
            throw Bad(uri, "it does not start with postgres:// or postgresql://");
        }

        var rest = uri[(uri.IndexOf("://", StringComparison.Ordinal) + 3)..];
        // The user part ends at the last '@': nothing of a password (even one with an unencoded '/', '?' or '@') is
        // then read as host, port or database, whose text error messages show.
        string? user = null, password = null;
        var at = rest.LastIndexOf('@');
        if (at >= 0)
        {
            var userInfo = rest[..at];
            var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
            user = colon < 0 ? userInfo : userInfo[..colon];
            password = colon < 0 ? null : userInfo[(colon + 1)..];
            rest = rest[(at + 1)..];
        }

        var queryAt = rest.IndexOf('?', StringComparison.Ordinal);
        var query = queryAt < 0 ? "" : rest[(queryAt + 1)..];
        rest = queryAt < 0 ? rest : rest[..queryAt];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var database = slash < 0 ? "" : rest[(slash + 1)..];
        var authority = slash < 0 ? rest : rest[..slash];
        if (database.Contains('/', StringComparison.Ordinal))
        {
            throw Bad(uri, "the database name (after the host) contains a '/'");
        }

        // [v6:address]:port, or host:port; the port is optional.
        var host = authority;
        string? portText = null;
        if (authority.StartsWith('['))
        {
            var close = authority.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                throw Bad(uri, "an IPv6 host opened with '[' is not closed with ']'");
            }

            host = authority[1..close];
            var after = authority[(close + 1)..];
            if (after.Length > 0)
            {
                portText = after.StartsWith(':') ? after[1..] : throw Bad(uri, $"'{after}' follows the IPv6 host (expected ':port')");
            }
        }
        else if (authority.LastIndexOf(':') is var colonAt and >= 0)
        {
            host = authority[..colonAt];
            portText = authority[(colonAt + 1)..];
        }

        int? port = null;
        if (portText is not null)
        {
            port = int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p is >= 1 and <= 65535
                ? p
                : throw Bad(uri, $"the port '{portText}' is not a number from 1 to 65535");
        }

        return new UriParts(user, password, host, port, database, query);
    }

    // Invalid escapes are kept as written (UnescapeDataString does not throw), as libpq does.
    private static string Decode(string text) => Uri.UnescapeDataString(text);

    private static StoreException Bad(string uri, string why) => new(
        "bad-store-uri",
        $"The store URI {Masked(uri)} cannot be read: {why}. Write it as postgres://user:password@host:port/database " +
        "(percent-encode special characters in the user and password), or pass a file path for a SQLite store.");
}
