namespace AiDeals.Web.Components.Layout;

/// <summary>
/// What a screen reader should say without the focus moving: a save, a conflict, a page refreshed by someone else's
/// change. One per circuit; the layout's <see cref="LiveRegions"/> speaks it through ARIA live regions.
/// </summary>
public sealed class LiveAnnouncer
{
    /// <summary>Raised with the message and whether it interrupts (an error, a conflict) or waits its turn.</summary>
    public event Action<string, bool>? Announced;

    /// <summary>Said when the reader is idle: a save went through, the page shows new data.</summary>
    public void Polite(string message) => Announced?.Invoke(message, false);

    /// <summary>Said at once: the save did not go through and the analyst must act.</summary>
    public void Urgent(string message) => Announced?.Invoke(message, true);
}
