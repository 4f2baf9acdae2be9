using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Prometheus;

namespace Cradle.Server.Metrics;

/// <summary>
/// Times every request into <c>cradle_http_request_duration_seconds</c> by method, route and status code. The route is
/// the endpoint's pattern (<c>/api/runs/{id}</c>), never the raw path, and methods outside the standard few count as
/// <c>other</c>, so a client cannot grow the number of series. (prometheus-net's own HTTP middleware labels by
/// controller and action, which this server has none of.)
/// </summary>
internal sealed class RequestDurations(RequestDelegate next, Histogram histogram)
{
    /// <summary>The route label of a request no endpoint matched (a 404, a refused request).</summary>
    public const string Unmatched = "unmatched";

    private static readonly HashSet<string> KnownMethods = new(StringComparer.Ordinal)
    {
        "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS",
    };

    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        var failed = false;
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch
        {
            // The error boundary outside turns it into a 500; count it as one.
            failed = true;
            throw;
        }
        finally
        {
            var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? Unmatched;
            var method = KnownMethods.Contains(context.Request.Method) ? context.Request.Method : "other";
            var code = failed ? StatusCodes.Status500InternalServerError : context.Response.StatusCode;
            histogram.WithLabels(method, route, code.ToString(CultureInfo.InvariantCulture))
                .Observe(Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
    }
}
