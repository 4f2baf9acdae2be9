using Cradle.Core.Units;

namespace Cradle.Studies.Compilation;

/// <summary>
/// The service counts a functional unit may be stated in besides requests and trained models: tokens, images and GPU
/// (device) time. Each is reached from the served request through inference.service_per_request.
/// </summary>
internal static class ServiceUnits
{
    /// <summary>The coherent unit of a service dimension (token, image, s), or null when the dimension is not a service count.</summary>
    public static Unit? CoherentUnit(Dimension dimension)
    {
        var symbol = dimension == Dimension.Of(BaseDimension.Token) ? "token"
            : dimension == Dimension.Of(BaseDimension.Image) ? "image"
            : dimension == Dimension.Time ? "s"
            : null;
        return symbol is null ? null : KnownUnits.Find(symbol);
    }

    /// <summary>The service in words, for messages: "tokens", "images", "GPU time".</summary>
    public static string Name(Dimension dimension) =>
        dimension == Dimension.Of(BaseDimension.Token) ? "tokens"
        : dimension == Dimension.Of(BaseDimension.Image) ? "images"
        : "GPU time";

    /// <summary>An example service per request, for messages: "450 token/request", "4 image/request", "1 s/request".</summary>
    public static string Example(Dimension dimension) =>
        dimension == Dimension.Of(BaseDimension.Token) ? "450 token/request"
        : dimension == Dimension.Of(BaseDimension.Image) ? "4 image/request"
        : "1 s/request";
}
