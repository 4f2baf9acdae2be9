namespace Cradle.Testing.Browser;

/// <summary>
/// One request a page made (DevTools Network.requestWillBeSent): its URL, HTTP method, and resource type as Chromium
/// names it (Document, Stylesheet, Script, Image, Fetch, XHR, Other, …).
/// </summary>
public sealed record PageRequest(string Url, string Method, string ResourceType)
{
    /// <summary>
    /// Whether the request went to <paramref name="origin"/>'s scheme, host and port. data: and blob: URLs are the page's
    /// own bytes, not requests to elsewhere, so they count as inside; a URL that does not parse counts as outside.
    /// </summary>
    public bool IsTo(Uri origin)
    {
        ArgumentNullException.ThrowIfNull(origin);
        if (Url.StartsWith("data:", StringComparison.OrdinalIgnoreCase) || Url.StartsWith("blob:", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        return Uri.TryCreate(Url, UriKind.Absolute, out var target)
            && string.Equals(target.Scheme, origin.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(target.IdnHost, origin.IdnHost, StringComparison.OrdinalIgnoreCase)
            && target.Port == origin.Port;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Method} {Url} ({ResourceType})";
}
