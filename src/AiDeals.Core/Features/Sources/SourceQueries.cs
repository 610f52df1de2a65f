using System.Globalization;
using AiDeals.Core.Data;
using AiDeals.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Features.Sources;

/// <summary>Sources for the sources page, the citation pickers and the source editor.</summary>
public sealed class SourceQueries(IDbContextFactory<AiDealsDbContext> contextFactory)
{
    private const string LikeEscape = "\\";

    /// <summary>
    /// Live sources whose title or publisher contains the text, newest first, for the citation type-ahead; the detail
    /// line gives the publisher and the date, which tell apart two articles with the same headline.
    /// </summary>
    public async Task<IReadOnlyList<EntityOption>> SearchAsync(string? search, int limit = 20, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = await Matching(db.Sources.AsNoTracking(), search, db.Database.IsNpgsql())
            .OrderByDescending(s => s.PublishedOn)
            .ThenBy(s => s.Title)
            .Take(Math.Clamp(limit, 1, PageRequest.MaxPageSize))
            .Select(s => new { s.Id, s.Title, s.Publisher, s.PublishedOn })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new EntityOption(r.Id, r.Title, Detail(r.Publisher, r.PublishedOn)))];
    }

    /// <summary>The live sources with their live citation counts, filtered, sorted and paged in SQL.</summary>
    public async Task<PagedResult<SourceSummary>> ListAsync(SourceQuery query, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(page);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var sources = Matching(db.Sources.AsNoTracking(), query.Search, db.Database.IsNpgsql());
        var total = await sources.CountAsync(cancellationToken);
        // The page's ids first, then its rows with their counts: SQLite works out every column of the rows an offset skips,
        // and counting the citations of 45,000 skipped sources made page 900 of 50,000 take 2 s.
        var pageIds = Sort(sources, query).Skip(page.Skip).Take(page.Take).Select(s => s.Id);
        var items = await Sort(sources.Where(s => pageIds.Contains(s.Id)), query)
            .Select(s => new SourceSummary(s.Id, s.Version, s.Title, s.Publisher, s.Url, s.PublishedOn, s.Citations.Count()))
            .ToListAsync(cancellationToken);
        return new PagedResult<SourceSummary>(items, total);
    }

    /// <summary>The live source as a form to edit, at its current version; null when there is none.</summary>
    public async Task<SourceForm?> GetFormAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var source = await db.Sources.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        return source is null ? null : SourceForms.Of(source);
    }

    /// <summary>The sources whose title or publisher contains the text; all when it is blank.</summary>
    private static IQueryable<Source> Matching(IQueryable<Source> sources, string? search, bool postgreSql)
    {
        if (string.IsNullOrWhiteSpace(search))
        {
            return sources;
        }

        var pattern = "%" + EscapeLike(search.Trim()) + "%";
        // SQLite's LIKE ignores the case of ASCII letters; PostgreSQL's ILIKE is its twin (its LIKE would not).
        return postgreSql
            ? sources.Where(s => EF.Functions.ILike(s.Title, pattern, LikeEscape)
                || (s.Publisher != null && EF.Functions.ILike(s.Publisher, pattern, LikeEscape)))
            : sources.Where(s => EF.Functions.Like(s.Title, pattern, LikeEscape)
                || (s.Publisher != null && EF.Functions.Like(s.Publisher, pattern, LikeEscape)));
    }

    private static IOrderedQueryable<Source> Sort(IQueryable<Source> sources, SourceQuery query)
    {
        var ordered = (query.Sort, query.Descending) switch
        {
            (SourceSortField.Title, false) => sources.OrderBy(s => s.Title),
            (SourceSortField.Title, true) => sources.OrderByDescending(s => s.Title),
            // Sources without a publisher or a date go last either way.
            (SourceSortField.Publisher, false) => sources.OrderBy(s => s.Publisher == null).ThenBy(s => s.Publisher),
            (SourceSortField.Publisher, true) => sources.OrderBy(s => s.Publisher == null).ThenByDescending(s => s.Publisher),
            (SourceSortField.Citations, false) => sources.OrderBy(s => s.Citations.Count()),
            (SourceSortField.Citations, true) => sources.OrderByDescending(s => s.Citations.Count()),
            (_, false) => sources.OrderBy(s => s.PublishedOn == null).ThenBy(s => s.PublishedOn),
            _ => sources.OrderBy(s => s.PublishedOn == null).ThenByDescending(s => s.PublishedOn),
        };

        // A stable tie-break keeps paging deterministic.
        return ordered.ThenBy(s => s.Id);
    }

    private static string? Detail(string? publisher, DateOnly? publishedOn)
    {
        var parts = new[] { publisher, publishedOn?.ToString("d MMM yyyy", CultureInfo.InvariantCulture) }.OfType<string>().ToList();
        return parts.Count == 0 ? null : string.Join(" · ", parts);
    }

    // '%' and '_' typed by a person are letters to find, not wildcards.
    private static string EscapeLike(string term) =>
        term.Replace(LikeEscape, LikeEscape + LikeEscape, StringComparison.Ordinal)
            .Replace("%", LikeEscape + "%", StringComparison.Ordinal)
            .Replace("_", LikeEscape + "_", StringComparison.Ordinal);
}
