using Cradle.Server.Hosting;
using Cradle.Server.Metrics;

namespace Cradle.Cli.Measuring;

/// <summary>Starts the <c>--metrics</c> server of <c>cradle measure</c>, or says on standard error why it cannot.</summary>
internal static class MeasureMetrics
{
    /// <summary>
    /// The started server and no exit code; (null, null) without <c>--metrics</c>; (null, code) when it is refused: 1 for an
    /// address it cannot read or a missing token, 2 when the address is taken. Nothing has been stored or run then.
    /// </summary>
    public static async Task<(MeasurementMetricsServer? Server, int? Exit)> StartAsync(string? address, string? token, TextWriter error)
    {
        if (address is null)
        {
            return (null, null);
        }
        token ??= Environment.GetEnvironmentVariable(ServerOptions.TokenVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment : null;
        MeasurementMetricsServer server;
        try
        {
            server = MeasurementMetricsServer.Create(address, token);
        }
        catch (ServerStartException e)
        {
            await error.WriteLineAsync($"cradle: {e.Message}").ConfigureAwait(false);
            return (null, ExitCodes.InvalidInput);
        }
        try
        {
            var url = await server.StartAsync().ConfigureAwait(false);
            await error.WriteLineAsync($"cradle measure: metrics at {url}").ConfigureAwait(false);
            return (server, null);
        }
        catch (IOException e)
        {
            // Kestrel's "address already in use" and the like: refused now, not halfway through the measurement.
            await server.DisposeAsync().ConfigureAwait(false);
            await error.WriteLineAsync($"cradle: --metrics {address}: cannot listen on {server.Url}: {e.Message} Nothing was run.").ConfigureAwait(false);
            return (null, ExitCodes.Environment);
        }
    }
}
