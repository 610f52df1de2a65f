using System.Globalization;
using System.ServiceModel.Syndication;
using AiDeals.Core.Features.History;
using AiDeals.Core.Features.Watchlists;
using AiDeals.Web.Features.History;

namespace AiDeals.Web.Features.Feeds;

/// <summary>A watched change as an entry of the watchlist feed: what changed, by whom, and each field as the history words it.</summary>
internal static class ChangeEntries
{
    public static SyndicationItem Of(WatchedChange watched, ReferenceNames references, Uri site)
    {
        var change = watched.Change;
        var title = $"{ChangeText.Of(change.Action)}: {HistoryPage.ChangeLabel(change)} {watched.Record.Name}";
        var lines = ChangeText.Fields(change)
            .Select(f => $"{ChangeText.Field(f.Field)}: {ChangeText.Value(f.Field, f.Old, references)} → {ChangeText.Value(f.Field, f.New, references)}")
            .Prepend($"By {change.User} on {ChangeText.When(change.AtUtc)}" + (string.IsNullOrWhiteSpace(change.Reason) ? "." : $". Reason: {change.Reason}"));
        var href = HistoryPage.HrefOf(watched.Record) ?? "/changes";
        var item = new SyndicationItem(
            title,
            new TextSyndicationContent(string.Join("\n", lines)),
            new Uri(site, href),
            "urn:aideals:change:" + change.Id.ToString(CultureInfo.InvariantCulture),
            new DateTimeOffset(change.AtUtc, TimeSpan.Zero));
        item.Authors.Add(new SyndicationPerson { Name = change.User });
        return item;
    }
}
