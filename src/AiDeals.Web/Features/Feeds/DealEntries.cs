using System.ServiceModel.Syndication;
using AiDeals.Core.Domain;
using AiDeals.Core.Features.Deals;

namespace AiDeals.Web.Features.Feeds;

/// <summary>A deal as an entry of the deal feed: its title, a line of its figures, and a link to its page.</summary>
internal static class DealEntries
{
    public static SyndicationItem Of(DealSummary deal, Uri site, DateTime changedUtc)
    {
        var link = new Uri(site, $"/deals/{deal.Id}");
        var announced = deal.Announced is { } date ? new DateTimeOffset(date.Date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : (DateTimeOffset?)null;
        var updated = changedUtc != default ? new DateTimeOffset(changedUtc, TimeSpan.Zero) : announced ?? DateTimeOffset.UnixEpoch;
        var item = new SyndicationItem(deal.Title, Summary(deal), link, link.AbsoluteUri, updated);
        if (announced is { } published)
        {
            item.PublishDate = published;
        }

        item.Categories.Add(new SyndicationCategory(Labels.Of(deal.Status)));
        item.Categories.Add(new SyndicationCategory(Labels.Of(deal.Kind)));
        return item;
    }

    /// <summary>"Equity investment · In talks · $15B–$25B · into OpenAI · by SoftBank Group · announced March 2025".</summary>
    private static string Summary(DealSummary deal)
    {
        var parts = new List<string> { Labels.Of(deal.Kind), Labels.Of(deal.Status), deal.Amount.ToString() };
        if (deal.Target is { } target)
        {
            parts.Add("into " + target.Name);
        }

        if (deal.Investors.Count > 0)
        {
            parts.Add("by " + string.Join(", ", deal.Investors.Select(i => i.Name)));
        }

        if (deal.Announced is { } announced)
        {
            parts.Add("announced " + announced);
        }

        return string.Join(" · ", parts);
    }
}
