using System.Globalization;
using AiDeals.Core.Data;
using AiDeals.Core.Domain;
using AiDeals.Core.Features.Citations;
using AiDeals.Core.Features.MarketEvents;
using AiDeals.Core.Features.Valuations;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Features.Deals;

/// <summary>The deal page: one deal with everything about it, or what is left of a deleted one.</summary>
public sealed class DealDetailQueries(IDbContextFactory<AiDealsDbContext> contextFactory)
{
    private const int QuoteLabelLength = 60;

    /// <summary>One deal with its parts, participants, evidence and related records; null when there is no such deal.</summary>
    public async Task<DealDetail?> GetDetailAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var deal = await db.Deals.AsNoTracking()
            .Where(d => d.Id == id)
            .Select(d => new
            {
                d.Id,
                d.Version,
                d.Title,
                d.Kind,
                d.Status,
                Amount = AmountRange.Create(d.AmountLow, d.AmountHigh, d.AmountQualifier),
                d.Currency,
                d.ReportedLow,
                d.ReportedHigh,
                d.ReportedQualifier,
                d.RateOn,
                d.AnnouncedOn,
                d.AnnouncedPrecision,
                d.ClosedOn,
                d.ClosedPrecision,
                d.TargetId,
                Target = d.Target == null ? null : new OrganizationRef(d.Target.Name, d.Target.Slug),
                d.Notes,
                d.OutcomeNote,
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (deal is null)
        {
            return null;
        }

        // Links whose other end is deleted are left out by the deals' filter (a link lives and dies with its part).
        var partOf = await db.DealLinks.AsNoTracking()
            .Where(l => l.PartId == id && l.Wider!.DeletedAt == null)
            .OrderBy(l => l.Id)
            .Select(l => new DealRef(l.Wider!.Id, l.Wider.Title))
            .ToListAsync(cancellationToken);
        var parts = await db.DealLinks.AsNoTracking()
            .Where(l => l.WiderId == id && l.Part!.DeletedAt == null)
            .Select(l => l.Part!)
            .OrderBy(d => d.AnnouncedOn)
            .ThenBy(d => d.Title)
            .Select(d => new DealPart(d.Id, d.Title, d.Status, AmountRange.Create(d.AmountLow, d.AmountHigh, d.AmountQualifier)))
            .ToListAsync(cancellationToken);
        var counted = parts.Count == 0 ? null : await CountedAsync(db, id, cancellationToken);

        var participants = await db.DealParticipants.AsNoTracking()
            .Where(p => p.DealId == id)
            .OrderBy(DealFiltering.ParticipantRank)
            .ThenBy(p => p.Organization!.Name)
            .Select(p => new
            {
                p.OrganizationId,
                View = new ParticipantView(
                    new OrganizationRef(p.Organization!.Name, p.Organization.Slug),
                    p.Role,
                    AmountRange.Create(p.CommitmentLow, p.CommitmentHigh, p.CommitmentQualifier))
                {
                    AsReported = ReportedAmount.Of(p.Currency, p.ReportedLow, p.ReportedHigh, p.ReportedQualifier,
                        AmountRange.Create(p.CommitmentLow, p.CommitmentHigh, p.CommitmentQualifier), p.RateOn),
                },
            })
            .ToListAsync(cancellationToken);

        var citations = await db.Citations.AsNoTracking()
            .Where(c => c.DealId == id)
            .OrderBy(c => c.Id)
            .Select(CitationProjection.ToView)
            .ToListAsync(cancellationToken);

        var valuations = await db.Valuations.AsNoTracking()
            .Where(v => v.DealId == id)
            .OrderByDescending(v => v.AsOf)
            .ThenBy(v => v.Id)
            .ProjectToSummaries()
            .ToListAsync(cancellationToken);

        var involved = participants.Select(p => p.OrganizationId).Append(deal.TargetId ?? 0).Where(o => o > 0).Distinct().ToList();
        var events = await InvolvedEvents.ReadAsync(db, involved, cancellationToken);

        return new DealDetail(
            deal.Id,
            deal.Title,
            deal.Kind,
            deal.Status,
            deal.Amount,
            deal.AnnouncedOn is { } announced ? PartialDate.Create(announced, deal.AnnouncedPrecision) : null,
            deal.ClosedOn is { } closed ? PartialDate.Create(closed, deal.ClosedPrecision) : null,
            deal.Target,
            partOf,
            parts,
            participants.Select(p => p.View).ToList(),
            deal.Notes,
            deal.OutcomeNote,
            citations,
            valuations,
            events,
            await AuditedRecordsAsync(db, id, cancellationToken))
        {
            Version = deal.Version,
            AsReported = ReportedAmount.Of(deal.Currency, deal.ReportedLow, deal.ReportedHigh, deal.ReportedQualifier, deal.Amount, deal.RateOn),
            Counted = counted,
        };
    }

    /// <summary>The union total of the deal and everything under it, and what the deal's own figure adds beyond its parts.</summary>
    private static async Task<CountedWithParts> CountedAsync(AiDealsDbContext db, int id, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        // The deals under it first, then each by its id: written as "Id IN (…) AND DeletedAt IS NULL", SQLite (no
        // statistics) walked an index on DeletedAt through every deal, 63 ms a read at a million deals, twice a page.
        var figures = string.Create(CultureInfo.InvariantCulture, $"""
            SELECT 0, d."Id", COALESCE(d."AmountLow", 0), COALESCE(d."AmountHigh", d."AmountLow", 0), d."AmountQualifier"
            FROM (
                WITH RECURSIVE below(Id) AS (
                    SELECT {id}
                    UNION SELECT l."PartId" FROM below INNER JOIN "DealLinks" AS l ON l."WiderId" = below.Id WHERE l."DeletedAt" IS NULL)
                SELECT Id FROM below) AS b
            CROSS JOIN "Deals" AS d WHERE d."Id" = b.Id AND d."DeletedAt" IS NULL
            """);
        var (total, wider) = await UnionTotals.SumAsync(connection, figures, text =>
        {
            var command = connection.CreateCommand();
            command.CommandText = text;
            return command;
        }, cancellationToken);
        var own = wider.For(id);
        return new CountedWithParts(total, own is null ? 0 : AmountRange.Total(own.Unattributed.Low), own is null ? 0 : AmountRange.Total(own.Unattributed.High));
    }

    /// <summary>The deal if it was deleted, with who deleted it and when (from the audit log); null when it is live or never was.</summary>
    public async Task<DeletedDeal?> FindDeletedAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var deal = await db.Deals.IgnoreQueryFilters().AsNoTracking()
            .Where(d => d.Id == id && d.DeletedAt != null)
            .Select(d => new { d.Id, d.Title, d.DeletedAt })
            .SingleOrDefaultAsync(cancellationToken);
        if (deal is null)
        {
            return null;
        }

        var key = id.ToString(CultureInfo.InvariantCulture);
        var deletedBy = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(Deal) && a.EntityId == key && a.Action == AuditAction.Deleted)
            .OrderByDescending(a => a.Id)
            .Select(a => a.User)
            .FirstOrDefaultAsync(cancellationToken);
        return new DeletedDeal(
            deal.Id, deal.Title, DateTime.SpecifyKind(deal.DeletedAt!.Value, DateTimeKind.Utc), deletedBy, await AuditedRecordsAsync(db, id, cancellationToken));
    }

    /// <summary>
    /// The deal and the rows that belong to it, deleted ones included: a removed participant or citation
    /// is part of the deal's history, and its entries are how it can be found and restored.
    /// </summary>
    private static async Task<List<AuditedRecord>> AuditedRecordsAsync(AiDealsDbContext db, int id, CancellationToken cancellationToken)
    {
        var participants = await db.DealParticipants.IgnoreQueryFilters().AsNoTracking()
            .Where(p => p.DealId == id)
            .Select(p => new { p.Id, p.Organization!.Name })
            .ToListAsync(cancellationToken);
        var citations = await db.Citations.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.DealId == id)
            .Select(c => new { c.Id, c.Quote })
            .ToListAsync(cancellationToken);

        return
        [
            new AuditedRecord(nameof(Deal), id, "Deal"),
            .. participants.Select(p => new AuditedRecord(nameof(DealParticipant), p.Id, "Participant " + p.Name)),
            .. citations.Select(c => new AuditedRecord(nameof(Citation), c.Id, "Citation “" + Shorten(c.Quote) + "”")),
        ];
    }

    private static string Shorten(string quote) =>
        quote.Length <= QuoteLabelLength ? quote : string.Concat(quote.AsSpan(0, QuoteLabelLength).TrimEnd(), "…");
}
