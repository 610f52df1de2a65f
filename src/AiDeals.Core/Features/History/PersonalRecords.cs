namespace AiDeals.Core.Features.History;

/// <summary>
/// The entity types that belong to one analyst (their saved views, watches and watchlist settings). Their changes are
/// audited like any other, but the team's history and the dashboard's feed leave them out, as they leave out account
/// changes: what someone watches or calls a private view is theirs. Admins see them with the account changes.
/// </summary>
public static class PersonalRecords
{
    public static IReadOnlyList<string> EntityTypes { get; } =
    [
        nameof(SavedViews.SavedView), nameof(Watchlists.WatchedRecord), nameof(Watchlists.Watchlist),
    ];
}
