using Cradle.Server.Hosting;
using Cradle.Store;
using Cradle.Store.Postgres;
using Microsoft.AspNetCore.Builder;

namespace Cradle.Server.Tests;

/// <summary>
/// The real server, started on a loopback port the system chooses, over a store of its own (a new SQLite file in a
/// temporary folder, or any location given: a PostgreSQL database for the contract runs). Disposing stops it and
/// deletes the folder.
/// </summary>
internal sealed class ServerHost : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly DirectoryInfo folder;

    private ServerHost(WebApplication app, IRunStore store, DirectoryInfo folder, string address)
    {
        this.app = app;
        this.folder = folder;
        Store = store;
        Address = new Uri(address);
        Client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };
    }

    /// <summary>The store the server serves (write runs into it to see them served).</summary>
    public IRunStore Store { get; }

    /// <summary>The server's address, e.g. http://127.0.0.1:40123/.</summary>
    public Uri Address { get; }

    /// <summary>A client for <see cref="Address"/>, without a token.</summary>
    public HttpClient Client { get; }

    /// <summary>A temporary folder that lives as long as the server.</summary>
    public DirectoryInfo Folder => folder;

    /// <summary>Starts a server; <paramref name="configure"/> changes the options (token, limits, addresses).</summary>
    /// <param name="configure">Changes the default options: loopback port 0, no token.</param>
    /// <param name="storeLocation">The store's location; a new SQLite file when null.</param>
    /// <param name="time">The clock; the system's when null.</param>
    public static async Task<ServerHost> StartAsync(Func<ServerOptions, ServerOptions>? configure = null, string? storeLocation = null, TimeProvider? time = null)
    {
        var folder = Directory.CreateTempSubdirectory("cradle-serve-");
        var location = storeLocation ?? Path.Combine(folder.FullName, "runs.db");
        var store = RunStores.Open(location, time);
        var options = new ServerOptions { Urls = ["http://127.0.0.1:0"], StoreDisplay = RunStores.Display(location) };
        options = configure?.Invoke(options) ?? options;
        var app = CradleServer.Build(options, store, time);
        await app.StartAsync().ConfigureAwait(false);
        var address = CradleServer.Addresses(app).First(a => a.StartsWith("http://127.0.0.1:", StringComparison.Ordinal) || a.StartsWith("http://[::]:", StringComparison.Ordinal) || a.StartsWith("http://0.0.0.0:", StringComparison.Ordinal));
        // A wildcard address is reached through loopback all the same.
        address = address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal);
        return new ServerHost(app, store, folder, address);
    }

    /// <summary>Every route the server maps, as (HTTP method, route pattern), e.g. ("GET", "/api/runs/{run}").</summary>
    public IReadOnlyList<(string Method, string Pattern)> Routes =>
        [.. ((Microsoft.AspNetCore.Routing.IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints)
            .OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IHttpMethodMetadata>()?.HttpMethods ?? ["*"])
                .Select(m => (m, "/" + e.RoutePattern.RawText!.TrimStart('/'))))];

    /// <summary>A client that sends <paramref name="token"/> as a bearer token.</summary>
    public HttpClient ClientWithToken(string token)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
        Store.Dispose();
        try
        {
            folder.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow file system; the temporary folder is cleaned by the system.
        }
    }
}
