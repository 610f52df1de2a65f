using AiDeals.Core.Data;
using AiDeals.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Features.MarketEvents;

/// <summary>A market event as its form: read for the editor and for a conflict, written back by the commands.</summary>
internal static class MarketEventForms
{
    public static MarketEventForm Of(MarketEvent marketEvent) => new()
    {
        Id = marketEvent.Id,
        Version = marketEvent.Version,
        Occurred = PartialDate.Create(marketEvent.OccurredOn, marketEvent.OccurredPrecision).ToIsoString(),
        Title = marketEvent.Title,
        Description = marketEvent.Description,
        OrganizationIds = marketEvent.Organizations.Select(o => o.OrganizationId).Order().ToList(),
        Amount = marketEvent.Amount,
    };

    /// <summary>The event's own columns; its organizations are link rows, which the commands add and remove.</summary>
    public static void Apply(MarketEventForm form, MarketEvent marketEvent)
    {
        marketEvent.Occurred = PartialDate.Parse(form.Occurred);
        marketEvent.Title = form.Title.Trim();
        marketEvent.Description = FormText.Blank(form.Description);
        marketEvent.Amount = form.Amount;
    }

    /// <summary>The conflict for the event as stored now, its organizations by name, as people compare them.</summary>
    public static async Task<ConflictInfo> ConflictAsync(AiDealsDbContext db, int id, CancellationToken cancellationToken)
    {
        var current = await db.MarketEvents.IgnoreQueryFilters().AsNoTracking()
            .Include(e => e.Organizations).ThenInclude(o => o.Organization)
            .SingleAsync(e => e.Id == id, cancellationToken);
        var form = Of(current);
        var theirs = Conflicts.Values(form);
        theirs[nameof(MarketEventForm.OrganizationIds)] = Conflicts.Text(current.Organizations.Select(o => o.Organization?.Name));
        return await Conflicts.DescribeAsync(db, nameof(MarketEvent), form, theirs, cancellationToken);
    }
}
