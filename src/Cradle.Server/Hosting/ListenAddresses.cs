using System.Net;

namespace Cradle.Server.Hosting;

/// <summary>Tells loopback addresses from the others, so that a server reachable from the network cannot start
/// without a token.</summary>
public static class ListenAddresses
{
    /// <summary>The URLs among <paramref name="urls"/> that are reachable from other machines. Wildcards (<c>*</c>,
    /// <c>+</c>, <c>0.0.0.0</c>, <c>[::]</c>) and host names other than <c>localhost</c> count as reachable, since
    /// Kestrel binds every interface for them.</summary>
    /// <exception cref="ServerStartException">A URL is not an http:// URL with a host.</exception>
    public static IReadOnlyList<string> Public(IEnumerable<string> urls)
    {
        ArgumentNullException.ThrowIfNull(urls);
        var result = new List<string>();
        foreach (var url in urls)
        {
            if (!IsLoopback(HostOf(url)))
            {
                result.Add(url);
            }
        }
        return result;
    }

    private static string HostOf(string url)
    {
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        var scheme = schemeEnd < 0 ? "" : url[..schemeEnd];
        if (scheme == "https")
        {
            throw new ServerStartException($"--urls: '{url}': cradle serve speaks plain http; for TLS put it behind a reverse proxy " +
                "that terminates https and forwards to a loopback address (docs/serve.md, \"Behind a reverse proxy\").");
        }
        if (scheme != "http")
        {
            throw new ServerStartException($"--urls: '{url}' is not an http:// URL (e.g. {ServerOptions.DefaultUrl}).");
        }
        var rest = url[(schemeEnd + 3)..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var authority = slash < 0 ? rest : rest[..slash];
        // A bracketed IPv6 host ([::1]:5178) holds colons of its own; otherwise the port follows the last colon.
        var host = authority.StartsWith('[') ? authority[..(authority.IndexOf(']', StringComparison.Ordinal) + 1)]
            : authority.Contains(':', StringComparison.Ordinal) ? authority[..authority.LastIndexOf(':')] : authority;
        if (host.Length == 0)
        {
            throw new ServerStartException($"--urls: '{url}' names no host (e.g. {ServerOptions.DefaultUrl}).");
        }
        return host;
    }

    private static bool IsLoopback(string host)
    {
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        var bare = host.Trim('[', ']');
        return IPAddress.TryParse(bare, out var address) && IPAddress.IsLoopback(address);
    }
}
