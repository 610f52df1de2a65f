using System.Globalization;
using AiDeals.Core.Data;
using AiDeals.Core.Domain;
using AiDeals.Core.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Features.Sources;

/// <summary>Sources for the citation pickers, and the commands that add and correct them.</summary>
public sealed class SourceService(IDbContextFactory<AiDealsDbContext> contextFactory)
{
    private const string LikeEscape = "\\";

    /// <summary>
    /// Live sources whose title or publisher contains the text, newest first, for the citation type-ahead; the detail
    /// line gives the publisher and the date, which tell apart two articles with the same headline.
    /// </summary>
    public async Task<IReadOnlyList<EntityOption>> SearchAsync(string? search, int limit = 20, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Sources.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var pattern = "%" + EscapeLike(search.Trim()) + "%";
            query = query.Where(s => EF.Functions.Like(s.Title, pattern, LikeEscape)
                || (s.Publisher != null && EF.Functions.Like(s.Publisher, pattern, LikeEscape)));
        }

        var rows = await query
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
        var sources = db.Sources.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = "%" + EscapeLike(query.Search.Trim()) + "%";
            sources = sources.Where(s => EF.Functions.Like(s.Title, pattern, LikeEscape)
                || (s.Publisher != null && EF.Functions.Like(s.Publisher, pattern, LikeEscape)));
        }

        var total = await sources.CountAsync(cancellationToken);
        var items = await Sort(sources, query)
            .Skip(page.Skip)
            .Take(page.Take)
            .Select(s => new SourceSummary(s.Id, s.Version, s.Title, s.Publisher, s.Url, s.PublishedOn, s.Citations.Count()))
            .ToListAsync(cancellationToken);
        return new PagedResult<SourceSummary>(items, total);
    }

    /// <summary>The live source as a form to edit, at its current version; null when there is none.</summary>
    public async Task<SourceForm?> GetFormAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var source = await db.Sources.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        return source is null ? null : FormOf(source);
    }

    public async Task<CommandResult> CreateSourceAsync(Actor actor, SourceForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(form);
        if (!actor.CanEdit)
        {
            return CommandResult.Forbidden;
        }

        var errors = FormValidation.Validate(form);
        if (errors.Count > 0)
        {
            return CommandResult.Invalid(errors);
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var source = new Source { Title = string.Empty };
        Apply(form, source);
        db.Sources.Add(source);
        Stamp(db, actor, form.Reason);
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Saved(source.Id, source.Version);
    }

    public async Task<CommandResult> UpdateSourceAsync(Actor actor, SourceForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(form);
        if (!actor.CanEdit)
        {
            return CommandResult.Forbidden;
        }

        var errors = FormValidation.Validate(form);
        if (errors.Count > 0)
        {
            return CommandResult.Invalid(errors);
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var source = await db.Sources.SingleOrDefaultAsync(s => s.Id == form.Id, cancellationToken);
        if (source is null)
        {
            return CommandResult.NotFound;
        }

        if (source.Version != form.Version)
        {
            return CommandResult.Conflicted(await ConflictAsync(db, source.Id, cancellationToken));
        }

        Apply(form, source);
        Stamp(db, actor, form.Reason);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            await using var fresh = await contextFactory.CreateDbContextAsync(cancellationToken);
            return await fresh.Sources.AnyAsync(s => s.Id == source.Id, cancellationToken)
                ? CommandResult.Conflicted(await ConflictAsync(fresh, source.Id, cancellationToken))
                : CommandResult.NotFound;
        }

        return CommandResult.Saved(source.Id, source.Version);
    }

    /// <summary>Deletes a source no live citation uses; the audit log keeps it, and the history can restore it.</summary>
    public async Task<CommandResult> DeleteSourceAsync(Actor actor, int id, int version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.CanEdit)
        {
            return CommandResult.Forbidden;
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var (source, stop) = await EditableCommands.LoadAsync<Source>(db, id, version, includeDeleted: false, ConflictAsync, cancellationToken);
        if (source is null)
        {
            return stop!;
        }

        var citations = await db.Citations.CountAsync(c => c.SourceId == id, cancellationToken);
        if (citations > 0)
        {
            return CommandResult.Invalid(string.Empty, citations == 1
                ? $"\"{source.Title}\" is cited once: remove that citation before deleting the source."
                : $"\"{source.Title}\" is cited {citations.ToString(CultureInfo.InvariantCulture)} times: remove those citations before deleting the source.");
        }

        Stamp(db, actor, null);
        db.Sources.Remove(source);
        return await SaveAsync(db, source, cancellationToken);
    }

    /// <summary>Brings a deleted source back.</summary>
    public async Task<CommandResult> RestoreSourceAsync(Actor actor, int id, int version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.CanEdit)
        {
            return CommandResult.Forbidden;
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var (source, stop) = await EditableCommands.LoadAsync<Source>(db, id, version, includeDeleted: true, ConflictAsync, cancellationToken);
        if (source is null)
        {
            return stop!;
        }

        if (source.DeletedAt is null)
        {
            return CommandResult.Saved(source.Id, source.Version);
        }

        Stamp(db, actor, null);
        source.DeletedAt = null;
        return await SaveAsync(db, source, cancellationToken);
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

    private Task<CommandResult> SaveAsync(AiDealsDbContext db, Source source, CancellationToken cancellationToken) =>
        EditableCommands.SaveAsync(contextFactory, db, source, ConflictAsync, cancellationToken);

    private static async Task<ConflictInfo> ConflictAsync(AiDealsDbContext db, int id, CancellationToken cancellationToken)
    {
        var current = await db.Sources.IgnoreQueryFilters().AsNoTracking().SingleAsync(s => s.Id == id, cancellationToken);
        return await Conflicts.DescribeAsync(db, nameof(Source), id, current.Version, Conflicts.Values(FormOf(current)), cancellationToken);
    }

    private static void Apply(SourceForm form, Source source)
    {
        source.Title = form.Title.Trim();
        source.Publisher = Blank(form.Publisher);
        source.Url = Blank(form.Url);
        source.PublishedOn = form.PublishedOn;
    }

    private static SourceForm FormOf(Source source) => new()
    {
        Id = source.Id,
        Version = source.Version,
        Title = source.Title,
        Publisher = source.Publisher,
        Url = source.Url,
        PublishedOn = source.PublishedOn,
    };

    private static void Stamp(AiDealsDbContext db, Actor actor, string? reason)
    {
        db.ActFor(actor.UserName, Blank(reason));
    }

    private static string? Detail(string? publisher, DateOnly? publishedOn)
    {
        var parts = new[] { publisher, publishedOn?.ToString("d MMM yyyy", CultureInfo.InvariantCulture) }.OfType<string>().ToList();
        return parts.Count == 0 ? null : string.Join(" · ", parts);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    // '%' and '_' typed by a person are letters to find, not wildcards.
    private static string EscapeLike(string term) =>
        term.Replace(LikeEscape, LikeEscape + LikeEscape, StringComparison.Ordinal)
            .Replace("%", LikeEscape + "%", StringComparison.Ordinal)
            .Replace("_", LikeEscape + "_", StringComparison.Ordinal);
}
