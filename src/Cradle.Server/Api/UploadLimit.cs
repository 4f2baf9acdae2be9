using System.Globalization;
using Cradle.Server.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Cradle.Server.Api;

/// <summary>The upload limit as people read it ("1 MiB (1048576 bytes)").</summary>
internal static class UploadLimit
{
    public static string Describe(HttpContext context)
    {
        var bytes = context.RequestServices.GetRequiredService<ServerState>().Options.MaxUploadBytes;
        var text = bytes % (1L << 20) == 0 ? $"{bytes >> 20} MiB" : bytes % 1024 == 0 ? $"{bytes >> 10} KiB" : $"{bytes} bytes";
        return string.Create(CultureInfo.InvariantCulture, $"{text} ({bytes} bytes)");
    }
}
