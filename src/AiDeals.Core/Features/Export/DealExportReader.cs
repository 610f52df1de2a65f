using System.Runtime.CompilerServices;
using AiDeals.Core.Data;
using AiDeals.Core.Domain;
using AiDeals.Core.Features.Deals;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Features.Export;

/// <summary>
/// Reads the deals of one export (see <see cref="DealQueries.ExportAsync"/>): the deals stream from one context in the
/// list's order; their investors and sources come from a second one a batch at a time, by id, without a join (names and
/// URLs come from <see cref="ExportNames"/>). A batch's investors and sources are read on another thread while the rows
/// of the batch before are written, so the reads and the writing overlap. Memory holds two batches whatever the size.
/// </summary>
internal sealed class DealExportReader
{
    private readonly AiDealsDbContext _lookups;
    private readonly Action<string>? _observer;
    private readonly bool _oneBatch;
    private ExportNames _names;

    private DealExportReader(AiDealsDbContext lookups, bool oneBatch, Action<string>? observer)
    {
        _lookups = lookups;
        _oneBatch = oneBatch;
        _names = ExportNames.None;
        _observer = observer;
    }

    public static async IAsyncEnumerable<DealExportRow> ReadAsync(
        IDbContextFactory<AiDealsDbContext> contexts, DealFilter filter, int batchSize, Action<string>? observer, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var lookups = await contexts.CreateDbContextAsync(cancellationToken);
        await lookups.Database.OpenConnectionAsync(cancellationToken);
        await using var deals = Deals(db, filter).GetAsyncEnumerator(cancellationToken);
        // An export that is one batch (an investor's deals, a narrow filter) reads the names of its own rows; a longer
        // one reads every name once, as the first batch completes.
        var batch = await NextBatchAsync(deals, batchSize);
        var reader = new DealExportReader(lookups, oneBatch: batch.Count < batchSize, observer);
        Task<List<DealExportRow>>? pending = null;
        try
        {
            while (true)
            {
                var current = batch;
                var ready = pending is null ? [] : await pending;
                // The lookups context is used by one batch at a time: this one starts once the one before has finished.
                pending = current.Count == 0 ? null : Task.Run(() => reader.CompleteAsync(current, cancellationToken), cancellationToken);
                foreach (var row in ready)
                {
                    yield return row;
                }

                if (current.Count < batchSize)
                {
                    break;
                }

                batch = await NextBatchAsync(deals, batchSize);
            }

            if (pending is not null)
            {
                var last = await pending;
                pending = null;
                foreach (var row in last)
                {
                    yield return row;
                }
            }
        }
        finally
        {
            // A reader that stops early (a dropped download) must not dispose the lookups context under a running batch.
            if (pending is not null)
            {
                await ((Task)pending).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private static IAsyncEnumerable<ExportDeal> Deals(AiDealsDbContext db, DealFilter filter) =>
        DealFiltering.Query(db, filter)
            .Select(d => new ExportDeal(
                d.Id,
                d.Title,
                d.TargetId,
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
            .AsAsyncEnumerable();

    private static async Task<List<ExportDeal>> NextBatchAsync(IAsyncEnumerator<ExportDeal> deals, int batchSize)
    {
        var batch = new List<ExportDeal>(batchSize);
        while (batch.Count < batchSize && await deals.MoveNextAsync())
        {
            batch.Add(deals.Current);
        }

        return batch;
    }

    private async Task<List<DealExportRow>> CompleteAsync(List<ExportDeal> batch, CancellationToken cancellationToken)
    {
        var ids = batch.ConvertAll(d => d.Id);
        var connection = _lookups.Database.GetDbConnection();
        var participants = await ExportBatchSql.ParticipantsAsync(connection, ids, _observer, cancellationToken);
        var citations = await ExportBatchSql.CitationsAsync(connection, ids, _observer, cancellationToken);
        var organizationIds = batch.Where(d => d.TargetId is not null).Select(d => d.TargetId!.Value).Concat(participants.Select(p => p.OrganizationId));
        if (!_names.Knows(organizationIds, citations.Select(c => c.SourceId)))
        {
            // The first batch, or an organization or source added since the names were read (rare; a long export on a
            // live database): read them again.
            _names = _oneBatch
                ? await ExportNames.ReadAsync(_lookups, [.. organizationIds.Distinct()], [.. citations.Select(c => c.SourceId).Distinct()], cancellationToken)
                : await ExportNames.ReadAsync(_lookups, cancellationToken);
        }

        // A deleted organization's participation and a deleted or URL-less source are left out, as the joins left them.
        var investors = participants
            .Select(p => (Participant: p, Name: _names.Organization(p.OrganizationId)))
            .Where(p => p.Name is not null)
            .OrderBy(p => DealFiltering.RankOf(p.Participant.Role)).ThenBy(p => p.Name!.Value.Rank)
            .ToLookup(p => p.Participant.DealId, p => (p.Participant, Name: p.Name!.Value.Text!));
        var sources = citations
            .Select(c => (c.DealId, Url: _names.SourceUrl(c.SourceId)))
            .Where(c => c.Url is not null)
            .OrderBy(c => c.Url!.Value.Rank)
            .ToLookup(c => c.DealId, c => c.Url!.Value.Text!);
        return batch.Select(d => new DealExportRow(
                d.Id,
                d.Title,
                d.TargetId is { } targetId ? _names.Organization(targetId)?.Text : null,
                [.. investors[d.Id].Select(p => p.Name)],
                d.Kind,
                d.Status,
                AmountRange.Create(d.AmountLow, d.AmountHigh, d.AmountQualifier),
                d.AnnouncedOn is { } on ? PartialDate.Create(on, d.AnnouncedPrecision) : null,
                // Two citations of one deal may quote the same source, or two sources give the same URL.
                [.. sources[d.Id].Distinct(StringComparer.Ordinal)])
            {
                AsReported = ReportedAmount.Of(d.Currency, d.ReportedLow, d.ReportedHigh, d.ReportedQualifier,
                    AmountRange.Create(d.AmountLow, d.AmountHigh, d.AmountQualifier), d.RateOn),
                Commitments = [.. investors[d.Id]
                    .Where(p => p.Participant.CommitmentQualifier != AmountQualifier.Undisclosed || p.Participant.ReportedQualifier is not (null or AmountQualifier.Undisclosed))
                    .Select(p => $"{p.Name}: " + ReportedAmount.Of(p.Participant.Currency, p.Participant.ReportedLow, p.Participant.ReportedHigh,
                        p.Participant.ReportedQualifier, AmountRange.Create(p.Participant.CommitmentLow, p.Participant.CommitmentHigh, p.Participant.CommitmentQualifier),
                        p.Participant.RateOn))],
            })
            .ToList();
    }

    private sealed record ExportDeal(
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
}
