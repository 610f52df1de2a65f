using System.Text.Json;
using AiDeals.Core.Data;
using AiDeals.Core.Data.Seeding;
using AiDeals.Core.Domain;
using AiDeals.Core.Features.Deals;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Features.Export;

/// <summary>
/// Writes the database, or the deals of one view of the deal list, as a deal book (the JSON of <c>seed-data/</c>) that
/// import reads back. The same data always gives the same bytes: rows in id order, keys made from the rows' own values
/// (an organization's from its name, a deal's from its external id, else its id), so a book exported, imported into an
/// empty database and exported again is the same file.
/// </summary>
public sealed class DealBookExporter(IDbContextFactory<AiDealsDbContext> contexts)
{
    private const int Chunk = 1000;

    /// <summary>The whole database (live rows): sources, organizations, deals, valuations and market events.</summary>
    public Task WriteAllAsync(Stream stream, CancellationToken cancellationToken = default) => WriteAsync(stream, filter: null, cancellationToken);

    /// <summary>
    /// The deals of the view, with the organizations and sources they name; a wider deal outside the view is left out of "partOf".
    /// Valuations and market events belong to no view and are left out too.
    /// </summary>
    public Task WriteViewAsync(Stream stream, DealFilter filter, CancellationToken cancellationToken = default) =>
        WriteAsync(stream, filter ?? throw new ArgumentNullException(nameof(filter)), cancellationToken);

    private async Task WriteAsync(Stream stream, DealFilter? filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
        var deals = filter is null ? db.Deals : DealFiltering.Filter(db, filter);
        var dealIds = await deals.OrderBy(d => d.Id).Select(d => d.Id).ToListAsync(cancellationToken);
        var keys = await ExportKeys.ReadAsync(db, deals, whole: filter is null, cancellationToken);

        await using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = DealBookJson.Write.Encoder });
        json.WriteStartObject();
        json.WritePropertyName("sources");
        JsonSerializer.Serialize(json, keys.Sources.Select(s => new DealBookSource(keys.Source(s.Id), s.Title, s.Publisher, s.Url, s.PublishedOn, null)), DealBookJson.Write);

        var organizationCitations = await CitationsAsync(db, db.Citations.Where(c => c.OrganizationId != null), c => c.OrganizationId!.Value, keys, cancellationToken);
        json.WritePropertyName("organizations");
        JsonSerializer.Serialize(json, keys.Organizations.Select(o => new DealBookOrganization(
            keys.Organization(o.Id), o.Name, [.. o.Aliases.OrderBy(a => a.Id).Select(a => a.Name)], o.Type, o.Country, o.Website, o.Description,
            o.FoundedYear, organizationCitations.GetValueOrDefault(o.Id, []))), DealBookJson.Write);

        json.WritePropertyName("deals");
        json.WriteStartArray();
        var exported = dealIds.ToHashSet();
        foreach (var chunk in dealIds.Chunk(Chunk))
        {
            var rows = await db.Deals.Where(d => chunk.Contains(d.Id)).OrderBy(d => d.Id)
                .Include(d => d.Participants).Include(d => d.Citations).Include(d => d.PartOf).AsSplitQuery().ToListAsync(cancellationToken);
            foreach (var deal in rows)
            {
                JsonSerializer.Serialize(json, ToBook(deal, keys, exported), DealBookJson.Write);
            }

            await json.FlushAsync(cancellationToken);
        }

        json.WriteEndArray();
        if (filter is null)
        {
            await WriteValuationsAndEventsAsync(db, json, keys, cancellationToken);
        }

        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
    }

    private static async Task WriteValuationsAndEventsAsync(AiDealsDbContext db, Utf8JsonWriter json, ExportKeys keys, CancellationToken cancellationToken)
    {
        var valuationCitations = await CitationsAsync(db, db.Citations.Where(c => c.ValuationId != null), c => c.ValuationId!.Value, keys, cancellationToken);
        var valuations = await db.Valuations.OrderBy(v => v.Id).ToListAsync(cancellationToken);
        json.WritePropertyName("valuations");
        JsonSerializer.Serialize(json, valuations.Select(v => new DealBookValuation(
            keys.Organization(v.OrganizationId), v.AsOfDate.ToIsoString(), v.Amount, v.Kind, v.DealId is { } dealId ? keys.Deal(dealId) : null,
            valuationCitations.GetValueOrDefault(v.Id, []))), DealBookJson.Write);

        var eventCitations = await CitationsAsync(db, db.Citations.Where(c => c.MarketEventId != null), c => c.MarketEventId!.Value, keys, cancellationToken);
        var events = await db.MarketEvents.Include(e => e.Organizations).OrderBy(e => e.Id).ToListAsync(cancellationToken);
        json.WritePropertyName("marketEvents");
        JsonSerializer.Serialize(json, events.Select((e, i) => new DealBookMarketEvent(
            $"event-{i + 1}", e.Title, e.Description, e.Occurred.ToIsoString(),
            [.. e.Organizations.OrderBy(o => o.OrganizationId).Select(o => keys.Organization(o.OrganizationId))], e.Amount,
            eventCitations.GetValueOrDefault(e.Id, []))), DealBookJson.Write);
    }

    private static DealBookDeal ToBook(Deal deal, ExportKeys keys, HashSet<int> exported) => new(
        keys.Deal(deal.Id),
        deal.Title,
        deal.Kind,
        deal.Status,
        deal.TargetId is { } targetId ? keys.Organization(targetId) : null,
        Amount(deal.Reported, deal.Currency)!,
        deal.Announced?.ToIsoString(),
        deal.Closed?.ToIsoString(),
        null,
        deal.Notes,
        deal.OutcomeNote,
        [.. deal.Participants.OrderBy(p => p.Id).Select(p => new DealBookParticipant(keys.Organization(p.OrganizationId), p.Role, Amount(p.Reported, p.Currency, orNull: true)))],
        [.. deal.Citations.OrderBy(c => c.Id).Select(c => new DealBookCitation(keys.Source(c.SourceId), c.Quote))],
        deal.PartOf.Where(l => exported.Contains(l.WiderId)).OrderBy(l => l.Id).Select(l => keys.Deal(l.WiderId)).ToList() is { Count: > 0 } wider ? wider : null);

    private static DealBookAmount? Amount(AmountRange amount, bool orNull = false) => Amount(amount, Currencies.Usd, orNull);

    // Dollars are written without a currency, as every book before currencies was.
    private static DealBookAmount? Amount(AmountRange amount, string currency, bool orNull = false) =>
        orNull && amount == AmountRange.Undisclosed && Currencies.IsUsd(currency) ? null
        : new DealBookAmount(amount.Low, amount.High, amount.Qualifier, Currencies.IsUsd(currency) ? null : currency);

    private static async Task<Dictionary<int, List<DealBookCitation>>> CitationsAsync(
        AiDealsDbContext db, IQueryable<Citation> citations, Func<Citation, int> owner, ExportKeys keys, CancellationToken cancellationToken) =>
        (await citations.OrderBy(c => c.Id).ToListAsync(cancellationToken))
            .GroupBy(owner)
            .ToDictionary(g => g.Key, g => g.Select(c => new DealBookCitation(keys.Source(c.SourceId), c.Quote)).ToList());
}
