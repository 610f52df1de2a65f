using Microsoft.AspNetCore.Components;

namespace AiDeals.Web.Components.Shared;

/// <summary>
/// MudBlazor's look as plain markup, for pages every analyst keeps open (the dashboard): each component a circuit holds
/// keeps two render trees of its own (about 6 KB whatever its size), so an icon, a text or a link that never changes
/// after it is drawn costs less as elements in its parent's tree, with the same classes MudBlazor gives them.
/// </summary>
public static class PlainMarkup
{
    /// <summary>The classes <c>MudLink</c> gives a link underlined on hover (add a typography class for its size).</summary>
    public const string Link = "mud-typography mud-link mud-primary-text mud-link-underline-hover";

    /// <summary>The classes <c>MudLink</c> gives a link always underlined (a link inside a sentence).</summary>
    public const string UnderlinedLink = "mud-typography mud-link mud-primary-text mud-link-underline-always";

    /// <summary>
    /// The classes <c>MudChip</c> gives a small filled chip that is a link (put it in a <c>div.mud-chip-container</c>, its
    /// text in a <c>span.mud-chip-content</c>).
    /// </summary>
    public static string LinkChip(MudBlazor.Color color) => Chip(color) + " mud-clickable";

    /// <summary>
    /// The classes <c>MudChip</c> gives a small outlined chip that is a link (put it in a <c>div.mud-chip-container</c>,
    /// its text in a <c>span.mud-chip-content</c>).
    /// </summary>
    public const string OutlinedLinkChip = "mud-chip mud-chip-outlined mud-chip-size-small mud-chip-color-default mud-clickable ma-0";

    /// <summary>The classes <c>MudChip</c> gives a small filled chip that is only a label (same container and content).</summary>
    public static string Chip(MudBlazor.Color color) =>
        $"mud-chip mud-chip-filled mud-chip-size-small mud-chip-color-{color.ToString().ToLowerInvariant()} ma-0";

    /// <summary>What <c>MudIcon</c> draws: one of <c>Icons.Material</c>'s paths in a 24-unit square, hidden from screen readers.</summary>
    public static RenderFragment Icon(string icon, string size = "small", string? cssClass = null) => builder =>
    {
        builder.OpenElement(0, "svg");
        builder.AddAttribute(1, "class", $"mud-icon-root mud-svg-icon mud-icon-size-{size}{(cssClass is null ? string.Empty : " " + cssClass)}");
        builder.AddAttribute(2, "focusable", "false");
        builder.AddAttribute(3, "viewBox", "0 0 24 24");
        builder.AddAttribute(4, "aria-hidden", "true");
        builder.AddAttribute(5, "role", "img");
        builder.AddMarkupContent(6, icon);
        builder.CloseElement();
    };
}
