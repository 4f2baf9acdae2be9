using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Cradle.Server.Api;

/// <summary>
/// Turns what escapes an endpoint into an answer: Kestrel's refusals (a body over the upload limit is 413, a malformed
/// request 400) keep their status with a JSON error; anything else is logged and answered 500 without internals.
/// </summary>
internal sealed partial class ErrorBoundary(RequestDelegate next, ILogger<ErrorBoundary> log)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (BadHttpRequestException e) when (!context.Response.HasStarted)
        {
            var tooLarge = e.StatusCode == StatusCodes.Status413PayloadTooLarge;
            await ApiResponses.ErrorAsync(context, e.StatusCode, tooLarge ? "too-large" : "bad-request",
                tooLarge ? $"The request body is over this server's limit of {UploadLimit.Describe(context)}; send a smaller file."
                    : e.Message).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nobody is left to answer.
        }
        catch (Exception e) when (!context.Response.HasStarted)
        {
            Failed(log, e, context.Request.Method, context.Request.Path.Value ?? "");
            context.Response.Clear();
            await ApiResponses.ErrorAsync(context, StatusCodes.Status500InternalServerError, "internal",
                "The server failed on this request (a bug in Cradle; the server's log has the details).").ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error on {Method} {Path}")]
    private static partial void Failed(ILogger logger, Exception exception, string method, string path);
}
