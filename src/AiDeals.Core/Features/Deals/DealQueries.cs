using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using AiDeals.Core.Data;
using AiDeals.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Features.Deals;

/// <summary>The deal list, its export and its filters' look-ups; filtering, sorting, counting and paging all run in SQL.</summary>
public sealed class DealQueries(IDbContextFactory<AiDealsDbContext> contextFactory)
{
    /// <summary>How many organizations or deals a type-ahead offers at once.</summary>
    public const int DefaultOptionLimit = 20;

    private static readonly ILookup<int, OrganizationRef> EmptyInvestors = Array.Empty<OrganizationRef>().ToLookup(_ => 0);

    public async Task<PagedResult<DealSummary>> SearchAsync(DealFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = DealFiltering.Filter(db.Deals.AsNoTracking(), filter);
        var total = await query.CountAsync(cancellationToken);

        var rows = await DealFiltering.Sort(query, filter)
            .Skip(page.Skip)
            .Take(page.Take)
            .Select(d => new
            {
                d.Id,
                d.Title,
                Target = d.Target == null ? null : new OrganizationRef(d.Target.Name, d.Target.Slug),
                d.Kind,
                d.Status,

                // Built from the selected columns after the read: the SQL reads only these.
                Amount = AmountRange.Create(d.AmountLow, d.AmountHigh, d.AmountQualifier),
                Announced = d.AnnouncedOn == null ? (PartialDate?)null : PartialDate.Create(d.AnnouncedOn.Value, d.AnnouncedPrecision),
                IsUmbrella = d.Children.Any(),
            })
            .ToListAsync(cancellationToken);

        // The page's investors in a query of their own: joined into the page query, SQLite built the whole table of
        // participants for every page (hundreds of milliseconds at 100,000 deals); by deal id it reads only the page's.
        var ids = rows.Select(r => r.Id).ToList();
        var investors = ids.Count == 0 ? EmptyInvestors : (await db.DealParticipants.AsNoTracking()
                .Where(p => ids.Contains(p.DealId))
                .OrderBy(p => p.DealId)
                .ThenBy(DealFiltering.ParticipantRank)
                .ThenBy(p => p.Organization!.Name)
                .Select(p => new { p.DealId, Investor = new OrganizationRef(p.Organization!.Name, p.Organization.Slug) })
                .ToListAsync(cancellationToken))
            .ToLookup(p => p.DealId, p => p.Investor);

        var items = rows.Select(r => new DealSummary(
            r.Id,
            r.Title,
            r.Target,
            [.. investors[r.Id]],
            r.Kind,
            r.Status,
            r.Amount,
            r.Announced,
            r.IsUmbrella)).ToList();
        return new PagedResult<DealSummary>(items, total);
    }

    /// <summary>
    /// Every deal the filter matches (all pages), in its sort order, streamed as it is read. The rows, their investors
    /// and their source URLs come from three queries however many deals there are (a split query, so that a deal's
    /// investors and sources do not multiply each other's rows).
    /// </summary>
    public async IAsyncEnumerable<DealExportRow> ExportAsync(DealFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = DealFiltering.Query(db.Deals.AsNoTracking(), filter)
            .Select(d => new
            {
                d.Id,
                d.Title,
                Target = d.Target == null ? null : d.Target.Name,
                Investors = d.Participants.AsQueryable()
                    .OrderBy(DealFiltering.ParticipantRank)
                    .ThenBy(p => p.Organization!.Name)
                    .Select(p => p.Organization!.Name)
                    .ToList(),
                d.Kind,
                d.Status,
                d.AmountLow,
                d.AmountHigh,
                d.AmountQualifier,
                d.AnnouncedOn,
                d.AnnouncedPrecision,
                SourceUrls = d.Citations
                    .Where(c => c.Source!.Url != null)
                    .OrderBy(c => c.Source!.PublishedOn)
                    .ThenBy(c => c.SourceId)
                    .Select(c => c.Source!.Url!)
                    .ToList(),
            })
            .AsSplitQuery()
            .AsAsyncEnumerable()
            .WithCancellation(cancellationToken);

        await foreach (var r in rows)
        {
            yield return new DealExportRow(
                r.Id,
                r.Title,
                r.Target,
                r.Investors,
                r.Kind,
                r.Status,
                AmountRange.Create(r.AmountLow, r.AmountHigh, r.AmountQualifier),
                r.AnnouncedOn is { } on ? PartialDate.Create(on, r.AnnouncedPrecision) : null,
                // Two citations of one deal may quote the same source.
                r.SourceUrls.Distinct(StringComparer.Ordinal).ToList());
        }
    }

    /// <summary>
    /// Organizations that take part in deals, most active first, for the investor filter; <paramref name="search"/>
    /// matches names and aliases, case-insensitively.
    /// </summary>
    public Task<IReadOnlyList<OrganizationOption>> ListInvestorsAsync(
        string? search = null, int limit = DefaultOptionLimit, CancellationToken cancellationToken = default) =>
        ListOptionsAsync(
            db => db.DealParticipants
                .Where(p => p.Deal!.DeletedAt == null)
                .GroupBy(p => p.OrganizationId)
                .Select(g => new OrganizationCount { OrganizationId = g.Key, DealCount = g.Count() }),
            o => o.Participations.Count(p => p.Deal!.DeletedAt == null),
            search,
            limit,
            cancellationToken);

    /// <summary>Organizations that deals go into, most targeted first, for the target filter; searched as investors are.</summary>
    public Task<IReadOnlyList<OrganizationOption>> ListTargetsAsync(
        string? search = null, int limit = DefaultOptionLimit, CancellationToken cancellationToken = default) =>
        ListOptionsAsync(
            db => db.Deals
                .Where(d => d.TargetId != null)
                .GroupBy(d => d.TargetId!.Value)
                .Select(g => new OrganizationCount { OrganizationId = g.Key, DealCount = g.Count() }),
            o => o.TargetedBy.Count,
            search,
            limit,
            cancellationToken);

    /// <summary>The names behind slugs (from a link), in the order given; slugs of no organization are left out.</summary>
    public async Task<IReadOnlyList<OrganizationRef>> FindOrganizationsAsync(IReadOnlyCollection<string> slugs, CancellationToken cancellationToken = default)
    {
        if (slugs.Count == 0)
        {
            return [];
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var wanted = slugs.ToList();
        var found = await db.Organizations.AsNoTracking()
            .Where(o => wanted.Contains(o.Slug))
            .Select(o => new OrganizationRef(o.Name, o.Slug))
            .ToListAsync(cancellationToken);
        return [.. wanted.Select(slug => found.Find(o => o.Slug == slug)).OfType<OrganizationRef>()];
    }

    // With no search, counted by one GROUP BY and joined to the organizations; with a search, counted for the few
    // organizations that match. Each way is several times faster than the other on a large database.
    private async Task<IReadOnlyList<OrganizationOption>> ListOptionsAsync(
        Func<AiDealsDbContext, IQueryable<OrganizationCount>> countAll,
        Expression<Func<Organization, int>> countEach,
        string? search,
        int limit,
        CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        IQueryable<OptionRow> options;
        if (string.IsNullOrWhiteSpace(search))
        {
            options = countAll(db).Join(
                db.Organizations.AsNoTracking(),
                c => c.OrganizationId,
                o => o.Id,
                (c, o) => new OptionRow { Id = o.Id, Slug = o.Slug, Name = o.Name, DealCount = c.DealCount });
        }
        else
        {
            // Normalized names are upper-cased in .NET, so the match is case-insensitive beyond ASCII too.
            var normalized = Organization.Normalize(search);
            options = db.Organizations.AsNoTracking()
                .Where(o => o.NormalizedName.Contains(normalized) || o.Aliases.Any(a => a.NormalizedName.Contains(normalized)))
                .Select(Project(countEach))
                .Where(o => o.DealCount > 0);
        }

        var rows = await options
            .OrderByDescending(o => o.DealCount)
            .ThenBy(o => o.Name)
            .Take(Math.Clamp(limit, 1, PageRequest.MaxPageSize))
            .ToListAsync(cancellationToken);

        var ids = rows.Select(r => r.Id).ToList();
        var aliases = (await db.OrganizationAliases.AsNoTracking()
                .Where(a => ids.Contains(a.OrganizationId))
                .OrderBy(a => a.Name)
                .Select(a => new { a.OrganizationId, a.Name })
                .ToListAsync(cancellationToken))
            .ToLookup(a => a.OrganizationId, a => a.Name);
        return [.. rows.Select(r => new OrganizationOption(r.Slug, r.Name, [.. aliases[r.Id]], r.DealCount))];
    }

    // An organization with its count, built from the count expression so that EF translates it into SQL.
    private static Expression<Func<Organization, OptionRow>> Project(Expression<Func<Organization, int>> count)
    {
        var organization = count.Parameters[0];
        var body = Expression.MemberInit(
            Expression.New(typeof(OptionRow)),
            Expression.Bind(typeof(OptionRow).GetProperty(nameof(OptionRow.Id))!, Expression.Property(organization, nameof(Organization.Id))),
            Expression.Bind(typeof(OptionRow).GetProperty(nameof(OptionRow.Slug))!, Expression.Property(organization, nameof(Organization.Slug))),
            Expression.Bind(typeof(OptionRow).GetProperty(nameof(OptionRow.Name))!, Expression.Property(organization, nameof(Organization.Name))),
            Expression.Bind(typeof(OptionRow).GetProperty(nameof(OptionRow.DealCount))!, count.Body));
        return Expression.Lambda<Func<Organization, OptionRow>>(body, organization);
    }

    // Classes with settable members (not positional records), so EF can join, filter and sort on them after a projection.
    private sealed class OptionRow
    {
        public int Id { get; init; }

        public string Slug { get; init; } = string.Empty;

        public string Name { get; init; } = string.Empty;

        public int DealCount { get; init; }
    }

    private sealed class OrganizationCount
    {
        public int OrganizationId { get; init; }

        public int DealCount { get; init; }
    }
}
