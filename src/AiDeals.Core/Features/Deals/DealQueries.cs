using System.Data.Common;
using System.Runtime.CompilerServices;
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
        int total;
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            total = await DealListReader.CountAsync(db.Database.GetDbConnection(), DealListSql.For(filter, db.Database.IsNpgsql()), int.MaxValue, CommandObserver, cancellationToken);
        }

        var rows = await SearchAsync(filter, new DealPageRequest { Skip = page.Skip, PageSize = page.Take }, cancellationToken);
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

        var size = Math.Clamp(page.PageSize, 1, PageRequest.MaxPageSize);
        // Before a cursor is after it in the opposite order, read back to front.
        var backwards = page.Before is not null;
        var descending = filter.Descending != backwards;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var sql = DealListSql.For(filter, db.Database.IsNpgsql());
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
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
            var nulls = db.Database.IsNpgsql() ? (descending ? " NULLS LAST" : " NULLS FIRST") : string.Empty;
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
        var investors = await DealListReader.InvestorsAsync(connection, [.. rows.Select(r => r.Id)], CommandObserver, cancellationToken);
        return new DealPage(Summaries(rows, investors), next, previous);
    }

    /// <summary>
    /// How many deals the filter matches, up to <see cref="DealCount.Cap"/>: counting a million rows on every page turn
    /// took longer than reading the page; past the cap the list says "10,000+".
    /// </summary>
    public async Task<DealCount> CountAsync(DealFilter filter, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var count = await DealListReader.CountAsync(db.Database.GetDbConnection(), DealListSql.For(filter, db.Database.IsNpgsql()), DealCount.Cap + 1, CommandObserver, cancellationToken);
        return count > DealCount.Cap ? new DealCount(DealCount.Cap, IsAtLeast: true) : new DealCount(count, IsAtLeast: false);
    }

    /// <summary>
    /// The union total of the deals the filter matches (every deal once, a wider deal only beyond its parts), or null
    /// past <see cref="DealCount.Cap"/> deals, where the dashboard's kept totals are the place to look.
    /// </summary>
    public async Task<UnionTotal?> TotalAsync(DealFilter filter, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        var sql = DealListSql.For(filter, db.Database.IsNpgsql());
        if (await DealListReader.CountAsync(connection, sql, DealCount.Cap + 1, CommandObserver, cancellationToken) > DealCount.Cap)
        {
            return null;
        }

        var (total, _) = await UnionTotals.SumAsync(connection, sql.Figures(), Observed, cancellationToken);
        await using var unconverted = Observed(sql.Unconverted());
        return total.LeavingOut(Convert.ToInt32(await unconverted.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture));

        DbCommand Observed(string text)
        {
            CommandObserver?.Invoke(text);
            return sql.Command(connection, text);
        }
    }

    private static List<DealSummary> Summaries(List<DealRow> rows, ILookup<int, OrganizationRef> investors) =>
        [.. rows.Select(r => new DealSummary(
            r.Id,
            r.Title,
            r.Target,
            [.. investors[r.Id]],
            r.Kind,
            r.Status,
            AmountRange.Create(r.AmountLow, r.AmountHigh, r.AmountQualifier),
            r.AnnouncedOn is { } on ? PartialDate.Create(on, r.AnnouncedPrecision) : null,
            r.IsUmbrella)
        {
            AsReported = ReportedAmount.Of(r.Currency, r.ReportedLow, r.ReportedHigh, r.ReportedQualifier, AmountRange.Create(r.AmountLow, r.AmountHigh, r.AmountQualifier), r.RateOn),
        })];

    /// <summary>How many deals the export completes at once with their investors and sources: two indexed reads per batch.</summary>
    private const int ExportBatch = 2_000;

    /// <summary>
    /// Every deal the filter matches (all pages), in its sort order, streamed as it is read: the deals in one query, and
    /// per batch of <see cref="ExportBatch"/> their investors and their source URLs (each in a query of its own, so that
    /// a deal's investors and sources do not multiply each other's rows).
    /// </summary>
    public async IAsyncEnumerable<DealExportRow> ExportAsync(DealFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // The deals stream from one context in the list's order; their investors and sources come from a second one, a
        // batch at a time by id. Memory holds one batch whatever the export's size, and no query joins the filtered,
        // sorted deals to their participants (as split queries did, sorting the whole filter again for each collection).
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var lookups = await contextFactory.CreateDbContextAsync(cancellationToken);
        var deals = DealFiltering.Query(db, filter)
            .Select(d => new ExportDeal(
                d.Id,
                d.Title,
                d.Target == null ? null : d.Target.Name,
                d.Kind,
                d.Status,
                d.AmountLow,
                d.AmountHigh,
                d.AmountQualifier,
                d.AnnouncedOn,
                d.AnnouncedPrecision)
            {
                Currency = d.Currency,
                ReportedLow = d.ReportedLow,
                ReportedHigh = d.ReportedHigh,
                ReportedQualifier = d.ReportedQualifier,
                RateOn = d.RateOn,
            })
            .AsAsyncEnumerable()
            .WithCancellation(cancellationToken);

        var batch = new List<ExportDeal>(ExportBatch);
        await foreach (var deal in deals)
        {
            batch.Add(deal);
            if (batch.Count == ExportBatch)
            {
                foreach (var row in await CompleteAsync(lookups, batch, cancellationToken))
                {
                    yield return row;
                }

                batch.Clear();
            }
        }

        foreach (var row in await CompleteAsync(lookups, batch, cancellationToken))
        {
            yield return row;
        }
    }

    private static async Task<List<DealExportRow>> CompleteAsync(AiDealsDbContext db, List<ExportDeal> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return [];
        }

        // One JSON parameter (EF.Parameter) rather than one parameter per id: a statement of 2,000 parameters costs more to build than to run.
        var ids = batch.Select(d => d.Id).ToList();
        var investors = (await db.DealParticipants.AsNoTracking()
                .Where(p => EF.Parameter(ids).Contains(p.DealId))
                .OrderBy(p => p.DealId)
                .ThenBy(DealFiltering.ParticipantRank)
                .ThenBy(p => p.Organization!.Name)
                .Select(p => new
                {
                    p.DealId,
                    p.Organization!.Name,
                    p.Currency,
                    p.ReportedLow,
                    p.ReportedHigh,
                    p.ReportedQualifier,
                    p.CommitmentLow,
                    p.CommitmentHigh,
                    p.CommitmentQualifier,
                    p.RateOn,
                })
                .ToListAsync(cancellationToken))
            .ToLookup(p => p.DealId);
        var sources = (await db.Citations.AsNoTracking()
                .Where(c => c.DealId != null && EF.Parameter(ids).Contains(c.DealId.Value) && c.Source!.Url != null)
                .OrderBy(c => c.DealId)
                .ThenBy(c => c.Source!.PublishedOn)
                .ThenBy(c => c.SourceId)
                .Select(c => new { c.DealId, c.Source!.Url })
                .ToListAsync(cancellationToken))
            .ToLookup(c => c.DealId!.Value, c => c.Url!);
        return batch.Select(d => new DealExportRow(
                d.Id,
                d.Title,
                d.Target,
                [.. investors[d.Id].Select(p => p.Name)],
                d.Kind,
                d.Status,
                AmountRange.Create(d.AmountLow, d.AmountHigh, d.AmountQualifier),
                d.AnnouncedOn is { } on ? PartialDate.Create(on, d.AnnouncedPrecision) : null,
                // Two citations of one deal may quote the same source.
                [.. sources[d.Id].Distinct(StringComparer.Ordinal)])
            {
                AsReported = ReportedAmount.Of(d.Currency, d.ReportedLow, d.ReportedHigh, d.ReportedQualifier,
                    AmountRange.Create(d.AmountLow, d.AmountHigh, d.AmountQualifier), d.RateOn),
                Commitments = [.. investors[d.Id].Where(p => p.CommitmentQualifier != AmountQualifier.Undisclosed || p.ReportedQualifier is not (null or AmountQualifier.Undisclosed))
                    .Select(p => $"{p.Name}: " + ReportedAmount.Of(p.Currency, p.ReportedLow, p.ReportedHigh, p.ReportedQualifier,
                        AmountRange.Create(p.CommitmentLow, p.CommitmentHigh, p.CommitmentQualifier), p.RateOn))],
            })
            .ToList();
    }

    private sealed record ExportDeal(
        int Id,
        string Title,
        string? Target,
        DealKind Kind,
        DealStatus Status,
        long? AmountLow,
        long? AmountHigh,
        AmountQualifier AmountQualifier,
        DateOnly? AnnouncedOn,
        DatePrecision AnnouncedPrecision)
    {
        public string Currency { get; init; } = Domain.Currencies.Usd;

        public long? ReportedLow { get; init; }

        public long? ReportedHigh { get; init; }

        public AmountQualifier? ReportedQualifier { get; init; }

        public DateOnly? RateOn { get; init; }
    }
}
