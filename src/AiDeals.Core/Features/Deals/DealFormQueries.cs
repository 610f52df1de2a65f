using AiDeals.Core.Data;
using AiDeals.Core.Domain;
using AiDeals.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Features.Deals;

/// <summary>The deal editor's reads: the form, the names behind its ids, its type-aheads, and its values as a conflict shows them.</summary>
public sealed class DealFormQueries(IDbContextFactory<AiDealsDbContext> contextFactory)
{
    /// <summary>The live deal as a form to edit, at its current version; null when there is no such deal.</summary>
    public async Task<DealForm?> GetFormAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await DealForms.ReadAsync(db, id, cancellationToken);
    }

    /// <summary>
    /// The form's values as text by field name, exactly as a conflict gives the stored deal's (ids read as the names of
    /// the organizations, deals and sources), so that a page can show the analyst's values beside theirs.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string?>> DescribeFormAsync(DealForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await DealDescriptions.DescribeAsync(db, form, cancellationToken);
    }

    /// <summary>The names of these organizations, deals or sources (deleted ones too), for a form that holds only their ids.</summary>
    public async Task<DealFormNames> NameFormAsync(DealForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var organizationIds = form.Participants.Select(p => p.OrganizationId).Append(form.TargetId).OfType<int>().Distinct().ToList();
        var sourceIds = form.Citations.Select(c => c.SourceId).OfType<int>().Distinct().ToList();
        var organizations = (await db.Organizations.IgnoreQueryFilters().AsNoTracking()
                .Where(o => organizationIds.Contains(o.Id))
                .Select(o => new { o.Id, o.Name, o.Slug })
                .ToListAsync(cancellationToken))
            .Select(o => new OrganizationOption(o.Id, o.Name, o.Slug, []));
        var sources = await db.Sources.IgnoreQueryFilters().AsNoTracking()
            .Where(s => sourceIds.Contains(s.Id))
            .Select(s => new EntityOption(s.Id, s.Title, s.Publisher))
            .ToListAsync(cancellationToken);
        var widerIds = form.PartOfIds;
        var wider = await db.Deals.IgnoreQueryFilters().AsNoTracking()
            .Where(d => widerIds.Contains(d.Id))
            .Select(d => new EntityOption(d.Id, d.Title, null))
            .ToListAsync(cancellationToken);
        return new DealFormNames(organizations.ToDictionary(o => o.Id), sources.ToDictionary(s => s.Id), wider.ToDictionary(d => d.Id));
    }

    /// <summary>
    /// Live deals whose title contains the text, for the wider deals' type-ahead, newest first, without the deal being edited
    /// (the command refuses deeper cycles with a message that names the deal).
    /// </summary>
    public async Task<IReadOnlyList<EntityOption>> SearchWiderOptionsAsync(
        string? search, int? excludeId = null, int limit = OrganizationLookups.DefaultLimit, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = DealFiltering.TitleHas(db, db.Deals.AsNoTracking(), search);
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
                DealDescriptions.AmountText(r.AmountLow, r.AmountHigh, r.AmountQualifier),
                r.AnnouncedOn is { } on ? PartialDate.Create(on, r.AnnouncedPrecision).ToString() : null,
            }.OfType<string>())))];
    }
}

/// <summary>The names behind a deal form's ids: its organizations, its sources and its wider deals.</summary>
public sealed record DealFormNames(
    IReadOnlyDictionary<int, OrganizationOption> Organizations,
    IReadOnlyDictionary<int, EntityOption> Sources,
    IReadOnlyDictionary<int, EntityOption> Wider);
