using System.Linq.Expressions;
using AiDeals.Core.Data;
using AiDeals.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Features.Organizations;

/// <summary>
/// The one home of organization look-ups: every type-ahead that picks an organization, the deal list's investor and
/// target filters, and the names behind the slugs of a link. Each answers <see cref="OrganizationOption"/>s.
/// </summary>
public sealed class OrganizationLookups(IDbContextFactory<AiDealsDbContext> contextFactory)
{
    /// <summary>How many organizations a type-ahead offers at once.</summary>
    public const int DefaultLimit = 20;

    /// <summary>
    /// Live organizations whose name or alias contains the text, those starting with it first, for every
    /// type-ahead that picks one (deal editor, valuation, market event, merge); the detail line lists the aliases so that "SBG" finds SoftBank Group and says why.
    /// </summary>
    public async Task<IReadOnlyList<OrganizationOption>> SearchAsync(
        string? search, int limit = DefaultLimit, CancellationToken cancellationToken = default)
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
            .Select(o => new { o.Id, o.Name, o.Slug, Aliases = o.Aliases.OrderBy(a => a.Name).Select(a => a.Name).ToList() })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new OrganizationOption(r.Id, r.Name, r.Slug, r.Aliases))];
    }

    /// <summary>The live organization, to show as picked; null when there is none.</summary>
    public async Task<OrganizationOption?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.Organizations.AsNoTracking()
            .Where(o => o.Id == id)
            .Select(o => new { o.Id, o.Name, o.Slug, Aliases = o.Aliases.OrderBy(a => a.Name).Select(a => a.Name).ToList() })
            .SingleOrDefaultAsync(cancellationToken);
        return row is null ? null : new OrganizationOption(row.Id, row.Name, row.Slug, row.Aliases);
    }

    /// <summary>
    /// Organizations that take part in deals, most active first, for the deal list's investor filter; <paramref name="search"/>
    /// matches names and aliases, case-insensitively.
    /// </summary>
    public Task<IReadOnlyList<OrganizationOption>> InvestorsAsync(
        string? search = null, int limit = DefaultLimit, CancellationToken cancellationToken = default) =>
        ListOptionsAsync(
            db =>
            {
                var deleted = DeletedDealIds(db);
                return db.DealParticipants
                    .Where(p => !deleted.Contains(p.DealId))
                    .GroupBy(p => p.OrganizationId)
                    .Select(g => new OrganizationCount { OrganizationId = g.Key, DealCount = g.Count() });
            },
            o => o.Participations.Count(p => p.Deal!.DeletedAt == null),
            search,
            limit,
            cancellationToken);

    /// <summary>Organizations that deals go into, most targeted first, for the target filter; searched as investors are.</summary>
    public Task<IReadOnlyList<OrganizationOption>> TargetsAsync(
        string? search = null, int limit = DefaultLimit, CancellationToken cancellationToken = default) =>
        ListOptionsAsync(
            db =>
            {
                // Live deals said without "DeletedAt IS NULL", which SQLite would serve from a DeletedAt index and
                // then group every live deal in a temporary B-tree: here the TargetId index is read in order.
                var deleted = DeletedDealIds(db);
                return db.Deals.IgnoreQueryFilters()
                    .Where(d => d.TargetId != null && !deleted.Contains(d.Id))
                    .GroupBy(d => d.TargetId!.Value)
                    .Select(g => new OrganizationCount { OrganizationId = g.Key, DealCount = g.Count() });
            },
            o => o.TargetedBy.Count,
            search,
            limit,
            cancellationToken);

    // With no search every participation or targeted deal is counted, so the deals are not joined row by row (1.9 million
    // look-ups at a million deals): the few deleted deals are set aside once and each row checked against them, while
    // the counting reads only an index, in its order: (OrganizationId, DealId, DeletedAt) of the participants, or
    // (TargetId, DeletedAt) of the deals. It still reads every entry of that index: kept counts would not.
    private static IQueryable<int> DeletedDealIds(AiDealsDbContext db) =>
        db.Deals.IgnoreQueryFilters().Where(d => d.DeletedAt != null).Select(d => d.Id);

    /// <summary>The names behind slugs (from a link), in the order given; slugs of no organization are left out.</summary>
    public async Task<IReadOnlyList<OrganizationRef>> FindBySlugsAsync(IReadOnlyCollection<string> slugs, CancellationToken cancellationToken = default)
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
        return [.. rows.Select(r => new OrganizationOption(r.Id, r.Name, r.Slug, [.. aliases[r.Id]], r.DealCount))];
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
