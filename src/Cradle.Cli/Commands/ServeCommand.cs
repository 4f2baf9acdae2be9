using System.CommandLine;
using Cradle.Server.Hosting;
using Cradle.Store;
using Cradle.Store.Postgres;
using Microsoft.Extensions.Hosting;

namespace Cradle.Cli.Commands;

/// <summary><c>cradle serve</c>: the dashboard, REST API and Prometheus metrics over a run store (docs/serve.md).</summary>
public static class ServeCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Build(TextWriter output, TextWriter error)
    {
        var store = StoreOption.ForRuns();
        var urls = new Option<string[]>("--urls")
        {
            Description = $"Where to listen, one or more http:// URLs. Default {ServerOptions.DefaultUrl}: loopback only. Any other " +
                $"address (0.0.0.0, a host name, a public IP) needs a token; for TLS put the server behind a reverse proxy (docs/serve.md).",
            HelpName = "URL",
            AllowMultipleArgumentsPerToken = true,
            DefaultValueFactory = _ => [ServerOptions.DefaultUrl],
        };
        var token = new Option<string?>("--token")
        {
            Description = $"The token every request must carry (Authorization: Bearer TOKEN, or the login form's cookie); at least " +
                $"{ServerOptions.MinimumTokenLength} characters. Default ${ServerOptions.TokenVariable}, which keeps it out of 'ps'. " +
                "Required when listening on anything but loopback.",
            HelpName = "TOKEN",
        };
        var maxUpload = new Option<long>("--max-upload")
        {
            Description = $"Largest request body (a study upload) in bytes; larger ones are refused with 413. Default {ServerOptions.DefaultMaxUploadBytes}.",
            HelpName = "BYTES",
            DefaultValueFactory = _ => ServerOptions.DefaultMaxUploadBytes,
        };
        maxUpload.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<long>() is < 1024 or > 1L << 30)
            {
                result.AddError("--max-upload expects a number of bytes from 1024 to 1073741824 (1 GiB).");
            }
        });
        var trends = new Option<FileInfo?>("--trends")
        {
            Description = "Show the trends view of this Epoch AI notable-models CSV (as 'cradle trends FILE' with its defaults), " +
                "computed on first view.",
            HelpName = "FILE",
            CustomParser = result => FilePaths.One(result, "--trends"),
        };
        var maxMonteCarlo = NumberOptions.WholeNumber("--max-mc",
            "Most Monte Carlo iterations one assessment may ask the server for (its 'mc'); more is refused with 400.",
            "iterations", 1, 10_000_000, ServerOptions.DefaultMaxMonteCarloIterations, ServerOptions.DefaultMaxMonteCarloIterations);
        var command = new Command("serve",
            "Serve the run store as a web dashboard (runs with live power and temperature, studies with validation, assessment " +
            "and reports, trends), a REST API described by /openapi.json, and Prometheus metrics at /metrics. Listens on loopback " +
            "unless --urls says otherwise, and then asks every request for a token. Stops on Ctrl+C or SIGTERM. " + ExitCodes.Help)
        {
            store, urls, token, maxUpload, maxMonteCarlo, trends,
        };
        command.SetAction((parse, cancel) => RunAsync(parse.GetValue(store), parse.GetValue(urls)!, parse.GetValue(token),
            parse.GetValue(maxUpload), parse.GetValue(maxMonteCarlo), parse.GetValue(trends), output, error, cancel));
        return command;
    }

    private static async Task<int> RunAsync(string? given, string[] urls, string? token, long maxUpload, int maxMonteCarlo, FileInfo? trends,
        TextWriter output, TextWriter error, CancellationToken cancel)
    {
        string location;
        try
        {
            location = StoreOption.Resolve(given).Location;
        }
        catch (StoreException e)
        {
            await error.WriteLineAsync($"cradle: {e.Message}").ConfigureAwait(false);
            return ExitCodes.Environment;
        }
        var shown = StoreOption.Display(location);
        if (trends is not null && !trends.Exists)
        {
            await error.WriteLineAsync($"cradle: --trends '{trends}': no such file (give Epoch AI's notable_ai_models.csv).").ConfigureAwait(false);
            return ExitCodes.Environment;
        }
        token ??= Environment.GetEnvironmentVariable(ServerOptions.TokenVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment : null;
        var options = new ServerOptions
        {
            Urls = urls, Token = token, MaxUploadBytes = maxUpload, MaxMonteCarloIterations = maxMonteCarlo, StoreDisplay = shown,
            TrendsDataset = trends?.FullName,
        };
        IRunStore runStore;
        try
        {
            runStore = RunStores.Open(location);
        }
        catch (StoreException e)
        {
            await error.WriteLineAsync($"cradle: cannot use the run store '{shown}': {e.Message}").ConfigureAwait(false);
            return Failures.ExitCodeOf(e);
        }
        using (runStore)
        {
            Microsoft.AspNetCore.Builder.WebApplication app;
            try
            {
                app = CradleServer.Build(options, runStore);
            }
            catch (ServerStartException e)
            {
                await error.WriteLineAsync($"cradle: {e.Message}").ConfigureAwait(false);
                return ExitCodes.InvalidInput;
            }
            await using (app.ConfigureAwait(false))
            {
                try
                {
                    await app.StartAsync(cancel).ConfigureAwait(false);
                }
                catch (IOException e)
                {
                    // Kestrel's "address already in use" and the like.
                    await error.WriteLineAsync($"cradle: cannot listen on {string.Join(' ', urls)}: {e.Message}").ConfigureAwait(false);
                    return ExitCodes.Environment;
                }
                var access = token is null ? "no token (loopback only)" : "token required";
                await output.WriteLineAsync($"cradle serve: listening on {string.Join(' ', CradleServer.Addresses(app))} — store {shown}, {access}. Ctrl+C stops it.").ConfigureAwait(false);
                await output.FlushAsync(CancellationToken.None).ConfigureAwait(false);
                await app.WaitForShutdownAsync(cancel).ConfigureAwait(false);
            }
        }
        return ExitCodes.Success;
    }
}
