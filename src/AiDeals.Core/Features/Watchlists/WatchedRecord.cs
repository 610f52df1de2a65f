using AiDeals.Core.Domain;

namespace AiDeals.Core.Features.Watchlists;

/// <summary>
/// A deal or an organization an analyst watches: its changes by others since <see cref="SinceAuditId"/> show on their
/// "What changed" page and in their watchlist feed. Unwatching soft-deletes the row; watching again adds a new one.
/// </summary>
public class WatchedRecord : EditableEntity
{
    /// <summary>The watcher's user name, as the audit log writes it.</summary>
    public required string Owner { get; set; }

    /// <summary><see cref="RecordKind.Deal"/> or <see cref="RecordKind.Organization"/>.</summary>
    public RecordKind Kind { get; set; }

    public int RecordId { get; set; }

    /// <summary>The newest audit entry when the watch began: older changes were made before anyone asked to hear of them.</summary>
    public long SinceAuditId { get; set; }
}

/// <summary>
/// One analyst's watchlist settings: how far they have seen its changes, and the hash of the private token of its feed
/// (the token itself is shown once, when it is made).
/// </summary>
public class Watchlist : EditableEntity
{
    public required string Owner { get; set; }

    /// <summary>The newest audit entry the owner marked as seen; "What changed" lists the entries after it.</summary>
    public long SeenThroughAuditId { get; set; }

    /// <summary>Lower-case hex SHA-256 of the feed token, or null when the watchlist has no feed.</summary>
    public string? FeedTokenHash { get; set; }

    /// <summary>The token's first characters, so that its owner can tell which link a reader holds.</summary>
    public string? FeedTokenPrefix { get; set; }

    public DateTime? FeedCreatedAtUtc { get; set; }
}

/// <summary>Limits of a watchlist.</summary>
public static class WatchlistLimits
{
    /// <summary>Records one analyst may watch: enough for a portfolio, few enough to read every change to them.</summary>
    public const int PerOwner = 500;

    public const int FeedTokenPrefix = 12;
}
