using System.Data.Common;
using AiDeals.Core.Data;
using AiDeals.Core.Data.Configurations;
using AiDeals.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Features.Deals;

/// <summary>The deal list, its export and its filters' look-ups; filtering, sorting, counting and paging all run in SQL.</summary>
public sealed class DealQueries(IDbContextFactory<AiDealsDbContext> contextFactory)
{
    /// <summary>How many organizations or deals a type-ahead offers at once.</summary>
    public const int DefaultOptionLimit = 20;

    /// <summary>Told the text of every SQL command the keyset list and its count run (their plans are tested).</summary>
    internal Action<string>? CommandObserver { get; init; }

    // The engine, asked of the first context: EF answers it from its provider assembly's name, read anew (and allocated)
    // on every call, which a page asked four times. 0 until known, then 1 (SQLite) or 2 (PostgreSQL).
    private int _engine;

    private bool IsPostgreSql(AiDealsDbContext db)
    {
        if (_engine == 0)
        {
            _engine = db.Database.IsNpgsql() ? 2 : 1;
        }

        return _engine == 2;
    }

    /// <summary>
    /// A numbered page with the exact count of every deal the filter matches: the count first (a kept count where the
    /// dashboard keeps one, else every match counted), then the page in the keyset list's SQL from its offset (a deep
    /// page walks the rows before it: the cursor of <see cref="SearchAsync(DealFilter, DealPageRequest, CancellationToken)"/>
    /// does not).
    /// </summary>
    public async Task<PagedResult<DealSummary>> SearchAsync(DealFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(page);
        // The count and the page on one connection.
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var total = await DealListReader.CountAsync(db.Database.GetDbConnection(), DealListSql.For(filter, IsPostgreSql(db)), int.MaxValue, CommandObserver, cancellationToken);
        var rows = await PageAsync(db, filter, new DealPageRequest { Skip = page.Skip, PageSize = page.Take }, cancellationToken);
        return new PagedResult<DealSummary>(rows.Items, total);
    }

    /// <summary>
    /// A page of the list by keyset: the rows after (or before) a cursor in the list's order (sort key, then id), so a
    /// deep page costs what the first costs, and paging neither skips nor repeats a row while others write.
    /// </summary>
    /// <exception cref="ArgumentException">The cursor was read for another sort than the filter's.</exception>
    public async Task<DealPage> SearchAsync(DealFilter filter, DealPageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(page);
        var cursor = page.After ?? page.Before;
        if (cursor is not null && (cursor.Sort != filter.Sort || cursor.Descending != filter.Descending))
        {
            throw new ArgumentException("The cursor belongs to another sort of the list.", nameof(page));
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        return await PageAsync(db, filter, page, cancellationToken);
    }

    private async Task<DealPage> PageAsync(AiDealsDbContext db, DealFilter filter, DealPageRequest page, CancellationToken cancellationToken)
    {
        var cursor = page.After ?? page.Before;
        var size = Math.Clamp(page.PageSize, 1, PageRequest.MaxPageSize);
        // Before a cursor is after it in the opposite order, read back to front.
        var backwards = page.Before is not null;
        var descending = filter.Descending != backwards;
        var sql = DealListSql.For(filter, IsPostgreSql(db));
        var connection = db.Database.GetDbConnection();
        await DealListReader.WalkWhenManyMatchAsync(connection, sql, CommandObserver, cancellationToken);
        var rows = new List<DealRow>();
        var key = DealKeyset.KeySql(filter.Sort);
        var direction = descending ? " DESC" : string.Empty;
        IEnumerable<(string? Condition, object?[] Values, bool SameKey)> ranges = cursor is null ? [(null, [], false)] : DealKeyset.After(cursor, descending).Select(r => ((string?)r.Condition, r.Values, r.SameKey));
        foreach (var (condition, values, sameKey) in ranges)
        {
            // One row more than the page tells whether another page follows.
            var wanted = size + 1 - rows.Count;
            if (wanted <= 0)
            {
                break;
            }

            var range = condition is null ? null : sql.Range(condition, values);
            // SQLite sorts NULL first ascending and last descending; PostgreSQL is told to, so the keyset ranges hold.
            var nulls = IsPostgreSql(db) ? (descending ? " NULLS LAST" : " NULLS FIRST") : string.Empty;
            var orderBy = sameKey ? $"d.\"Id\"{direction}" : $"{key}{direction}{nulls}, d.\"Id\"{direction}";
            var text = sql.Page(filter.Sort, range, orderBy, wanted, cursor is null ? page.Skip : 0);
            await DealListReader.ReadPageAsync(connection, sql, text, rows, CommandObserver, cancellationToken);
        }

        var more = rows.Count > size;
        if (more)
        {
            rows.RemoveAt(rows.Count - 1);
        }

        if (backwards)
        {
            rows.Reverse();
        }

        DealCursor? First() => rows.Count == 0 ? null : DealKeyset.CursorOf(filter, rows[0]);
        DealCursor? Last() => rows.Count == 0 ? null : DealKeyset.CursorOf(filter, rows[^1]);
        var next = backwards ? Last() : more ? Last() : null;
        var previous = backwards ? (more ? First() : null) : (cursor is not null || page.Skip > 0 ? First() : null);
        return new DealPage(Summaries(rows), next, previous);
    }

    /// <summary>
    /// How many deals the filter matches, up to <see cref="DealCount.Cap"/>: counting a million rows on every page turn
    /// took longer than reading the page; past the cap the list says "10,000+".
    /// </summary>
    public async Task<DealCount> CountAsync(DealFilter filter, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var count = await DealListReader.CountAsync(db.Database.GetDbConnection(), DealListSql.For(filter, IsPostgreSql(db)), DealCount.Cap + 1, CommandObserver, cancellationToken);
        return count > DealCount.Cap ? new DealCount(DealCount.Cap, IsAtLeast: true) : new DealCount(count, IsAtLeast: false);
    }

    /// <summary>
    /// The union total of the deals the filter matches (every deal once, a wider deal only beyond its parts), or null
    /// past <see cref="DealCount.Cap"/> deals, where the dashboard's kept totals are the place to look.
    /// </summary>
    public Task<UnionTotal?> TotalAsync(DealFilter filter, CancellationToken cancellationToken = default) =>
        TotalAsync(filter, count: null, cancellationToken);

    /// <summary>
    /// <see cref="TotalAsync(DealFilter, CancellationToken)"/> for a filter whose <paramref name="count"/> the caller has
    /// just read (<see cref="CountAsync"/>, as the list does): the matches are not counted a second time (for a text
    /// filter, a second search of the free-text index).
    /// </summary>
    public async Task<UnionTotal?> TotalAsync(DealFilter filter, DealCount? count, CancellationToken cancellationToken = default)
    {
        if (count is { IsAtLeast: true })
        {
            return null;
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        var sql = DealListSql.For(filter, IsPostgreSql(db));
        // A count not known yet is read first (from the index alone): past the cap, the figures of the matches are not read.
        if (count is null && await DealListReader.CountAsync(connection, sql, DealCount.Cap + 1, CommandObserver, cancellationToken) > DealCount.Cap)
        {
            return null;
        }

        return await DealListTotals.ReadAsync(connection, sql, DealCount.Cap, text => Observed(sql.Command(connection, text)), Plain, cancellationToken);

        DbCommand Plain(string text)
        {
            var command = connection.CreateCommand();
            command.CommandText = text;
            return Observed(command);
        }

        DbCommand Observed(DbCommand command)
        {
            CommandObserver?.Invoke(command.CommandText);
            return command;
        }
    }

    private static List<DealSummary> Summaries(List<DealRow> rows) =>
        [.. rows.Select(r => new DealSummary(
            r.Id,
            r.Title,
            r.Target,
            r.Investors,
            r.Kind,
            r.Status,
            AmountRange.Create(r.AmountLow, r.AmountHigh, r.AmountQualifier),
            r.AnnouncedOn is { } on ? PartialDate.Create(on, r.AnnouncedPrecision) : null,
            r.IsUmbrella)
        {
            AsReported = ReportedAmount.Of(r.Currency, r.ReportedLow, r.ReportedHigh, r.ReportedQualifier, AmountRange.Create(r.AmountLow, r.AmountHigh, r.AmountQualifier), r.RateOn),
        })];

    /// <summary>How many deals the export completes at once with their investors and sources: two indexed reads per batch.</summary>
    internal int ExportBatchSize { get; init; } = 2_000;

    /// <summary>
    /// Every deal the filter matches (all pages), in its sort order, streamed as it is read: the deals in one query, and
    /// per batch of <see cref="ExportBatchSize"/> their investors and their source URLs (each in a query of its own, so
    /// that a deal's investors and sources do not multiply each other's rows), with the names of organizations and the
    /// URLs of sources read once at the start (see <see cref="Export.DealExportReader"/>).
    /// </summary>
    public IAsyncEnumerable<DealExportRow> ExportAsync(DealFilter filter, CancellationToken cancellationToken = default) =>
        Export.DealExportReader.ReadAsync(contextFactory, filter ?? throw new ArgumentNullException(nameof(filter)), ExportBatchSize, CommandObserver, cancellationToken);
}
