using AiDeals.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Features.Deals;

/// <summary>A deal that was deleted: what its page says instead of the deal, and the records whose history it shows.</summary>
public sealed record DeletedDeal(int Id, string Title, DateTime DeletedAtUtc, string? DeletedBy, IReadOnlyList<AuditedRecord> AuditedRecords);

public sealed partial class DealService
{
    /// <summary>
    /// Live organizations whose name or alias contains the text, those starting with it first, for the editor's
    /// type-ahead; the detail line lists the aliases so that "SBG" finds SoftBank Group and says why.
    /// </summary>
    public async Task<IReadOnlyList<EntityOption>> SearchOrganizationOptionsAsync(
        string? search, int limit = DefaultOptionLimit, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Organizations.AsNoTracking();
        var term = string.IsNullOrWhiteSpace(search) ? null : Organization.Normalize(search);
        if (term is not null)
        {
            query = query.Where(o => o.NormalizedName.Contains(term) || o.Aliases.Any(a => a.NormalizedName.Contains(term)));
        }

        var rows = await query
            .OrderBy(o => term != null && o.NormalizedName.StartsWith(term) ? 0 : 1)
            .ThenBy(o => o.Name)
            .Take(Math.Clamp(limit, 1, PageRequest.MaxPageSize))
            .Select(o => new { o.Id, o.Name, Aliases = o.Aliases.OrderBy(a => a.Name).Select(a => a.Name).ToList() })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new EntityOption(r.Id, r.Name, r.Aliases.Count == 0 ? null : "also " + string.Join(", ", r.Aliases)))];
    }

    /// <summary>
    /// Live deals whose title contains the text, for the umbrella type-ahead, newest first, without the deal being edited
    /// (the command refuses deeper cycles with a message that names the deal).
    /// </summary>
    public async Task<IReadOnlyList<EntityOption>> SearchUmbrellaOptionsAsync(
        string? search, int? excludeId = null, int limit = DefaultOptionLimit, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Deals.AsNoTracking();
        foreach (var term in Terms(search))
        {
            var pattern = "%" + EscapeLike(term) + "%";
            query = query.Where(d => EF.Functions.Like(d.Title, pattern, LikeEscape));
        }

        if (excludeId is { } exclude)
        {
            query = query.Where(d => d.Id != exclude);
        }

        var rows = await query
            .OrderByDescending(d => d.AnnouncedOn)
            .ThenBy(d => d.Title)
            .Take(Math.Clamp(limit, 1, PageRequest.MaxPageSize))
            .Select(d => new { d.Id, d.Title, d.AnnouncedOn, d.AnnouncedPrecision, d.AmountLow, d.AmountHigh, d.AmountQualifier })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new EntityOption(
            r.Id,
            r.Title,
            string.Join(" · ", new[]
            {
                AmountText(r.AmountLow, r.AmountHigh, r.AmountQualifier),
                r.AnnouncedOn is { } on ? PartialDate.Create(on, r.AnnouncedPrecision).ToString() : null,
            }.OfType<string>())))];
    }

    /// <summary>The names of these organizations, deals or sources (deleted ones too), for a form that holds only their ids.</summary>
    public async Task<DealFormNames> NameFormAsync(DealForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var organizationIds = form.Participants.Select(p => p.OrganizationId).Append(form.TargetId).OfType<int>().Distinct().ToList();
        var sourceIds = form.Citations.Select(c => c.SourceId).OfType<int>().Distinct().ToList();
        var organizations = await db.Organizations.IgnoreQueryFilters().AsNoTracking()
            .Where(o => organizationIds.Contains(o.Id))
            .Select(o => new EntityOption(o.Id, o.Name, null))
            .ToListAsync(cancellationToken);
        var sources = await db.Sources.IgnoreQueryFilters().AsNoTracking()
            .Where(s => sourceIds.Contains(s.Id))
            .Select(s => new EntityOption(s.Id, s.Title, s.Publisher))
            .ToListAsync(cancellationToken);
        var parent = form.ParentId is { } parentId
            ? await db.Deals.IgnoreQueryFilters().AsNoTracking()
                .Where(d => d.Id == parentId)
                .Select(d => new EntityOption(d.Id, d.Title, null))
                .SingleOrDefaultAsync(cancellationToken)
            : null;
        return new DealFormNames(organizations.ToDictionary(o => o.Id), sources.ToDictionary(s => s.Id), parent);
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

        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var deletedBy = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(Deal) && a.EntityId == key && a.Action == AuditAction.Deleted)
            .OrderByDescending(a => a.Id)
            .Select(a => a.User)
            .FirstOrDefaultAsync(cancellationToken);
        return new DeletedDeal(
            deal.Id, deal.Title, DateTime.SpecifyKind(deal.DeletedAt!.Value, DateTimeKind.Utc), deletedBy, await AuditedRecordsAsync(db, id, cancellationToken));
    }
}

/// <summary>The names behind a deal form's ids: its organizations, its sources and its umbrella.</summary>
public sealed record DealFormNames(
    IReadOnlyDictionary<int, EntityOption> Organizations,
    IReadOnlyDictionary<int, EntityOption> Sources,
    EntityOption? Parent);
