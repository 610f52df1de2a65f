using AiDeals.Core.Data;
using AiDeals.Core.Domain;
using AiDeals.Core.Features.Deals;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Features.History;

/// <summary>
/// What the database said about deals at the end of a past day, rebuilt from today's rows and the audit entries written
/// since (<see cref="AuditRewind"/>), and what changed between two days. Read-only: nothing here writes.
/// </summary>
public sealed class DealAsOfQueries(IDbContextFactory<AiDealsDbContext> contextFactory)
{
    /// <summary>The last moment of a day (UTC): "as of 1 Feb" holds every change saved that day.</summary>
    public static DateTime EndOf(DateOnly day) => day.ToDateTime(TimeOnly.MaxValue, DateTimeKind.Utc);

    /// <summary>The deal as it stood at the end of <paramref name="day"/>, or null when it did not exist then or was deleted.</summary>
    public async Task<DealSnapshot?> GetAsync(int dealId, DateOnly day, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return (await SnapshotsAsync(db, [dealId], EndOf(day), cancellationToken)).GetValueOrDefault(dealId);
    }

    /// <summary>
    /// The deals added, removed (deleted) and changed between the end of <paramref name="from"/> and the end of
    /// <paramref name="to"/>: every deal whose own record, participants or links to wider deals were saved in between, compared field
    /// by field. A deal changed and changed back shows no difference and is left out.
    /// </summary>
    public async Task<DealComparison> CompareAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        if (to < from)
        {
            (from, to) = (to, from);
        }

        var start = EndOf(from);
        var end = EndOf(to);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var changed = db.AuditEntries.AsNoTracking().Where(a => a.AtUtc > start && a.AtUtc <= end);
        var dealIds = (await changed.Where(a => a.EntityType == nameof(Deal)).Select(a => a.EntityId).Distinct().ToListAsync(cancellationToken))
            .Select(int.Parse).ToList();
        var participantIds = (await changed.Where(a => a.EntityType == nameof(DealParticipant)).Select(a => a.EntityId).Distinct().ToListAsync(cancellationToken))
            .Select(int.Parse).ToList();
        var viaParticipants = await db.DealParticipants.IgnoreQueryFilters().AsNoTracking()
            .Where(p => EF.Parameter(participantIds).Contains(p.Id))
            .Select(p => p.DealId)
            .Distinct()
            .ToListAsync(cancellationToken);
        // A link added or removed is a change of its part ("Part of").
        var linkIds = (await changed.Where(a => a.EntityType == nameof(DealLink)).Select(a => a.EntityId).Distinct().ToListAsync(cancellationToken))
            .Select(int.Parse).ToList();
        var viaLinks = await db.DealLinks.IgnoreQueryFilters().AsNoTracking()
            .Where(l => EF.Parameter(linkIds).Contains(l.Id))
            .Select(l => l.PartId)
            .Distinct()
            .ToListAsync(cancellationToken);
        var ids = dealIds.Union(viaParticipants).Union(viaLinks).ToList();

        var before = await SnapshotsAsync(db, ids, start, cancellationToken);
        var after = await SnapshotsAsync(db, ids, end, cancellationToken);
        var added = after.Values.Where(d => !before.ContainsKey(d.Id)).OrderBy(d => d.Title, StringComparer.OrdinalIgnoreCase).ToList();
        var removed = before.Values.Where(d => !after.ContainsKey(d.Id)).OrderBy(d => d.Title, StringComparer.OrdinalIgnoreCase).ToList();
        var changes = before.Values
            .Where(d => after.ContainsKey(d.Id))
            .Select(d => new DealChange(d, after[d.Id], Differences(d, after[d.Id])))
            .Where(c => c.Fields.Count > 0)
            .OrderBy(c => c.After.Title, StringComparer.OrdinalIgnoreCase)
            .ToList();
        return new DealComparison(from, to, added, removed, changes);
    }

    private static List<FieldDifference> Differences(DealSnapshot before, DealSnapshot after) =>
        [.. before.Fields().Zip(after.Fields())
            .Where(f => !string.Equals(f.First.Value, f.Second.Value, StringComparison.Ordinal))
            .Select(f => new FieldDifference(f.First.Field, f.First.Value, f.Second.Value))];

    /// <summary>The deals of <paramref name="ids"/> that were live at <paramref name="atUtc"/>, as they stood then.</summary>
    private static async Task<Dictionary<int, DealSnapshot>> SnapshotsAsync(
        AiDealsDbContext db, List<int> ids, DateTime atUtc, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var deals = await db.Deals.IgnoreQueryFilters().AsNoTracking().Where(d => EF.Parameter(ids).Contains(d.Id)).ToListAsync(cancellationToken);
        var liveDeals = (await AuditRewind.AsOfAsync(db, deals, d => d.Id, atUtc, cancellationToken)).Where(d => d.DeletedAt is null).ToList();
        var liveIds = liveDeals.Select(d => d.Id).ToHashSet();

        var participants = await db.DealParticipants.IgnoreQueryFilters().AsNoTracking()
            .Where(p => EF.Parameter(ids).Contains(p.DealId))
            .ToListAsync(cancellationToken);
        var liveParticipants = (await AuditRewind.AsOfAsync(db, participants, p => p.Id, atUtc, cancellationToken))
            .Where(p => p.DeletedAt is null && liveIds.Contains(p.DealId))
            .ToList();

        var organizationIds = liveDeals.Select(d => d.TargetId).OfType<int>().Concat(liveParticipants.Select(p => p.OrganizationId)).Distinct().ToList();
        var organizations = await db.Organizations.IgnoreQueryFilters().AsNoTracking()
            .Where(o => EF.Parameter(organizationIds).Contains(o.Id))
            .ToListAsync(cancellationToken);
        // Names as they were then; as on the deal page, an organization deleted at the time is not shown.
        var names = (await AuditRewind.AsOfAsync(db, organizations, o => o.Id, atUtc, cancellationToken))
            .Where(o => o.DeletedAt is null)
            .ToDictionary(o => o.Id, o => new OrganizationRef(o.Name, o.Slug));

        var (partOf, parts) = await LinksAsync(db, ids, liveDeals, atUtc, cancellationToken);
        var byDeal = liveParticipants.ToLookup(p => p.DealId);
        return liveDeals.ToDictionary(d => d.Id, d => new DealSnapshot(
            d.Id,
            d.Title,
            d.Kind,
            d.Status,
            AmountRange.Create(d.AmountLow, d.AmountHigh, d.AmountQualifier),
            d.AnnouncedOn is { } announced ? PartialDate.Create(announced, d.AnnouncedPrecision) : null,
            d.ClosedOn is { } closed ? PartialDate.Create(closed, d.ClosedPrecision) : null,
            d.TargetId is { } target ? names.GetValueOrDefault(target) : null,
            [.. partOf[d.Id]],
            [.. parts[d.Id]],
            [.. byDeal[d.Id]
                .Where(p => names.ContainsKey(p.OrganizationId))
                .OrderBy(p => DealFiltering.RankOf(p.Role))
                .ThenBy(p => names[p.OrganizationId].Name, StringComparer.OrdinalIgnoreCase)
                .Select(p => ParticipantView.Of(names[p.OrganizationId], p))],
            d.Notes,
            d.OutcomeNote)
        {
            // The currency, the reported figures and the rate are rewound with the rest: the page shows the amount as it was reported then.
            AsReported = ReportedAmount.Of(d.Currency, d.ReportedLow, d.ReportedHigh, d.ReportedQualifier, d.Amount, d.RateOn),
        });
    }

    /// <summary>
    /// The wider deals and the parts of <paramref name="liveDeals"/> at <paramref name="atUtc"/>: the links live then
    /// between deals live then, by the titles of then, in the deal page's orders (wider deals as linked, parts by
    /// announced date and title).
    /// </summary>
    private static async Task<(ILookup<int, DealRef> PartOf, ILookup<int, DealRef> Parts)> LinksAsync(
        AiDealsDbContext db, List<int> ids, List<Deal> liveDeals, DateTime atUtc, CancellationToken cancellationToken)
    {
        var links = await db.DealLinks.IgnoreQueryFilters().AsNoTracking()
            .Where(l => EF.Parameter(ids).Contains(l.PartId) || EF.Parameter(ids).Contains(l.WiderId))
            .ToListAsync(cancellationToken);
        var liveLinks = (await AuditRewind.AsOfAsync(db, links, l => l.Id, atUtc, cancellationToken)).Where(l => l.DeletedAt is null).ToList();
        var deals = liveDeals.ToDictionary(d => d.Id);
        var otherIds = liveLinks.SelectMany(l => new[] { l.PartId, l.WiderId }).Where(id => !deals.ContainsKey(id)).Distinct().ToList();
        var others = await db.Deals.IgnoreQueryFilters().AsNoTracking().Where(d => EF.Parameter(otherIds).Contains(d.Id)).ToListAsync(cancellationToken);
        foreach (var other in (await AuditRewind.AsOfAsync(db, others, d => d.Id, atUtc, cancellationToken)).Where(d => d.DeletedAt is null))
        {
            deals[other.Id] = other;
        }

        var between = liveLinks.Where(l => deals.ContainsKey(l.PartId) && deals.ContainsKey(l.WiderId)).ToList();
        var partOf = between.OrderBy(l => l.Id).ToLookup(l => l.PartId, l => new DealRef(l.WiderId, deals[l.WiderId].Title));
        var parts = between.Select(l => (l.WiderId, Part: deals[l.PartId]))
            .OrderBy(l => l.Part.AnnouncedOn)
            .ThenBy(l => l.Part.Title, StringComparer.Ordinal)
            .ToLookup(l => l.WiderId, l => new DealRef(l.Part.Id, l.Part.Title));
        return (partOf, parts);
    }
}
