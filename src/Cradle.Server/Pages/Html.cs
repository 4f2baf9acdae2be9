using System.Text.Encodings.Web;

namespace Cradle.Server.Pages;

/// <summary>Escaping for the pages: every text a store or a request supplies goes through one of these.</summary>
public static class Html
{
    /// <summary>Text for an element's content.</summary>
    public static string Text(string? value) => HtmlEncoder.Default.Encode(value ?? "");

    /// <summary>Text for a double-quoted attribute value.</summary>
    public static string Attribute(string? value) => HtmlEncoder.Default.Encode(value ?? "");

    /// <summary>A path segment or query value for a link.</summary>
    public static string Url(string? value) => Uri.EscapeDataString(value ?? "");
}
