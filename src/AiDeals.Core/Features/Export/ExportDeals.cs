using System.Data.Common;
using AiDeals.Core.Data;
using AiDeals.Core.Domain;
using AiDeals.Core.Features.Deals;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Features.Export;

/// <summary>
/// The deals of an export in the list's order, a batch at a time: the list's own query (<see cref="DealFiltering"/>,
/// so the same filters on either engine), run as EF writes it but read by column, as the batches are. EF's
/// materialization of a million rows cost a third more time and three times the allocations of reading them.
/// </summary>
internal sealed class ExportDeals : IAsyncDisposable
{
    private readonly DbCommand _command;
    private readonly DbDataReader _reader;
    private readonly int[] _columns;

    private ExportDeals(DbCommand command, DbDataReader reader, int[] columns)
    {
        _command = command;
        _reader = reader;
        _columns = columns;
    }

    public static async Task<ExportDeals> OpenAsync(AiDealsDbContext db, DealFilter filter, Action<string>? observer, CancellationToken cancellationToken)
    {
        var command = DealFiltering.Query(db, filter)
            .Select(d => new
            {
                d.Id,
                d.Title,
                d.TargetId,
                d.Kind,
                d.Status,
                d.AmountLow,
                d.AmountHigh,
                d.AmountQualifier,
                d.AnnouncedOn,
                d.AnnouncedPrecision,
                d.Currency,
                d.ReportedLow,
                d.ReportedHigh,
                d.ReportedQualifier,
                d.RateOn,
            })
            .CreateDbCommand();
        try
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            observer?.Invoke(command.CommandText);
            if (db.Database.IsNpgsql())
            {
                // Run outside EF, the command skips its interceptors: a NUL typed into a filter is taken out here, as EF's
                // commands have it taken out (PostgreSQL refuses it in text).
                Data.PostgreSqlNulInterceptor.ReplaceNul(command);
            }

            var reader = await command.ExecuteReaderAsync(cancellationToken);
            // By name, not by place: EF decides the order of the columns it selects.
            string[] names = [nameof(Deal.Id), nameof(Deal.Title), nameof(Deal.TargetId), nameof(Deal.Kind), nameof(Deal.Status),
                nameof(Deal.AmountLow), nameof(Deal.AmountHigh), nameof(Deal.AmountQualifier), nameof(Deal.AnnouncedOn), nameof(Deal.AnnouncedPrecision),
                nameof(Deal.Currency), nameof(Deal.ReportedLow), nameof(Deal.ReportedHigh), nameof(Deal.ReportedQualifier), nameof(Deal.RateOn)];
            return new ExportDeals(command, reader, Array.ConvertAll(names, reader.GetOrdinal));
        }
        catch
        {
            await command.DisposeAsync();
            throw;
        }
    }

    /// <summary>The next deals, up to <paramref name="size"/>; fewer at the end.</summary>
    public async Task<List<ExportDeal>> NextBatchAsync(int size, CancellationToken cancellationToken)
    {
        var batch = new List<ExportDeal>(size);
        var (reader, c) = (_reader, _columns);
        while (batch.Count < size && await reader.ReadAsync(cancellationToken))
        {
            batch.Add(new ExportDeal(
                reader.GetInt32(c[0]),
                reader.GetString(c[1]),
                reader.IsDBNull(c[2]) ? null : reader.GetInt32(c[2]),
                Enum.Parse<DealKind>(reader.GetString(c[3])),
                Enum.Parse<DealStatus>(reader.GetString(c[4])),
                reader.IsDBNull(c[5]) ? null : reader.GetInt64(c[5]),
                reader.IsDBNull(c[6]) ? null : reader.GetInt64(c[6]),
                Enum.Parse<AmountQualifier>(reader.GetString(c[7])),
                reader.IsDBNull(c[8]) ? null : reader.GetFieldValue<DateOnly>(c[8]),
                Enum.Parse<DatePrecision>(reader.GetString(c[9])))
            {
                Currency = reader.GetString(c[10]),
                ReportedLow = reader.IsDBNull(c[11]) ? null : reader.GetInt64(c[11]),
                ReportedHigh = reader.IsDBNull(c[12]) ? null : reader.GetInt64(c[12]),
                ReportedQualifier = reader.IsDBNull(c[13]) ? null : Enum.Parse<AmountQualifier>(reader.GetString(c[13])),
                RateOn = reader.IsDBNull(c[14]) ? null : reader.GetFieldValue<DateOnly>(c[14]),
            });
        }

        return batch;
    }

    public async ValueTask DisposeAsync()
    {
        await _reader.DisposeAsync();
        await _command.DisposeAsync();
    }
}

/// <summary>One deal of an export as its query reads it, before its investors, sources and names are added.</summary>
internal sealed record ExportDeal(
    int Id,
    string Title,
    int? TargetId,
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
