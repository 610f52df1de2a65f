using AiDeals.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Features.Export;

/// <summary>
/// The names the CSV export writes for ids: every organization's name and every source's URL, read once per export
/// (tens of thousands of rows) rather than joined to each of a million deals, where each join was a random read.
/// </summary>
/// <remarks>
/// Each entry keeps its place in the database's own order (organizations by name, sources by publication date), so that
/// a deal's investors and sources sort in memory exactly as ORDER BY sorts them on either engine (its collation, where
/// its NULLs go). Deleted rows are kept, marked, so that a name the export must leave out is not taken for a new one.
/// </remarks>
internal sealed class ExportNames
{
    private readonly Dictionary<int, Entry> _organizations;
    private readonly Dictionary<int, Entry> _sources;

    private ExportNames(Dictionary<int, Entry> organizations, Dictionary<int, Entry> sources)
    {
        _organizations = organizations;
        _sources = sources;
    }

    /// <summary>A name (or URL), its place in the database's order and whether its row is live.</summary>
    internal readonly record struct Entry(string? Text, int Rank, bool Live);

    /// <summary>No names yet: an export of one batch reads those of its own rows (<see cref="ReadAsync(AiDealsDbContext, IReadOnlyCollection{int}, IReadOnlyCollection{int}, CancellationToken)"/>).</summary>
    public static ExportNames None { get; } = new([], []);

    /// <summary>Every organization's name and every source's URL.</summary>
    public static Task<ExportNames> ReadAsync(AiDealsDbContext db, CancellationToken cancellationToken) =>
        ReadAsync(db, organizationIds: null, sourceIds: null, cancellationToken);

    /// <summary>
    /// The names of these organizations and the URLs of these sources only (an export of a few deals: reading tens of
    /// thousands of names would cost more than the export). Their places are those among themselves, which orders a
    /// deal's investors and sources as the whole order would.
    /// </summary>
    public static async Task<ExportNames> ReadAsync(
        AiDealsDbContext db, IReadOnlyCollection<int>? organizationIds, IReadOnlyCollection<int>? sourceIds, CancellationToken cancellationToken)
    {
        var organizationRows = db.Organizations.IgnoreQueryFilters().AsNoTracking();
        var sourceRows = db.Sources.IgnoreQueryFilters().AsNoTracking();
        if (organizationIds is not null)
        {
            organizationRows = organizationRows.Where(o => organizationIds.Contains(o.Id));
        }

        if (sourceIds is not null)
        {
            sourceRows = sourceRows.Where(s => sourceIds.Contains(s.Id));
        }

        var organizations = await organizationRows
            .OrderBy(o => o.Name).ThenBy(o => o.Id)
            .Select(o => new { o.Id, o.Name, Live = o.DeletedAt == null })
            .ToListAsync(cancellationToken);
        var sources = await sourceRows
            .OrderBy(s => s.PublishedOn).ThenBy(s => s.Id)
            .Select(s => new { s.Id, s.Url, Live = s.DeletedAt == null })
            .ToListAsync(cancellationToken);
        return new ExportNames(
            organizations.Select((o, rank) => (o.Id, Entry: new Entry(o.Name, rank, o.Live))).ToDictionary(o => o.Id, o => o.Entry),
            sources.Select((s, rank) => (s.Id, Entry: new Entry(s.Url, rank, s.Live))).ToDictionary(s => s.Id, s => s.Entry));
    }

    /// <summary>Whether every id is known (live or deleted): false when a row was added after the names were read.</summary>
    public bool Knows(IEnumerable<int> organizationIds, IEnumerable<int> sourceIds) =>
        organizationIds.All(_organizations.ContainsKey) && sourceIds.All(_sources.ContainsKey);

    /// <summary>The live organization's name and place by name, or null for a deleted one (left out, as the join left it).</summary>
    public Entry? Organization(int id) => _organizations.TryGetValue(id, out var entry) && entry.Live ? entry : null;

    /// <summary>The live source's URL and place by date, or null for a deleted source or one without a URL.</summary>
    public Entry? SourceUrl(int id) => _sources.TryGetValue(id, out var entry) && entry.Live && entry.Text is not null ? entry : null;
}
