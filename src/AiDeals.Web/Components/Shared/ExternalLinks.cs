using AiDeals.Core.Features;

namespace AiDeals.Web.Components.Shared;

/// <summary>Links out of the app, to a source or a website.</summary>
public static class ExternalLinks
{
    /// <summary>
    /// The address as a link, or null when it is not a web address: a javascript: or data: URL typed into a record must
    /// not run in a reader's browser.
    /// </summary>
    public static string? Href(string? url) => HttpUrlAttribute.IsHttpUrl(url) ? new Uri(url!.Trim()).AbsoluteUri : null;
}
