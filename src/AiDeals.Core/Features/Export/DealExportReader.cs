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
    // A batch's reads and sorts, kept from one batch to the next (one batch completes at a time).
    private readonly List<ExportParticipant> _participants = [];
    private readonly List<(int DealId, int SourceId)> _citations = [];
    private readonly ExportRows _rows = new();
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
        await using var deals = await ExportDeals.OpenAsync(db, filter, observer, cancellationToken);
        // An export that is one batch (an investor's deals, a narrow filter) reads the names of its own rows; a longer
        // one reads every name once, as the first batch completes.
        var batch = await deals.NextBatchAsync(batchSize, cancellationToken);
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

                batch = await deals.NextBatchAsync(batchSize, cancellationToken);
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

    private async Task<List<DealExportRow>> CompleteAsync(List<ExportDeal> batch, CancellationToken cancellationToken)
    {
        var ids = batch.ConvertAll(d => d.Id);
        var connection = _lookups.Database.GetDbConnection();
        var participants = _participants;
        var citations = _citations;
        await ExportBatchSql.ParticipantsAsync(connection, ids, participants, _observer, cancellationToken);
        await ExportBatchSql.CitationsAsync(connection, ids, citations, _observer, cancellationToken);
        if (!KnowsAll(batch, participants, citations))
        {
            // The first batch, or an organization or source added since the names were read (rare; a long export on a
            // live database): read them again.
            _names = _oneBatch
                ? await ExportNames.ReadAsync(connection, OrganizationIds(batch, participants), [.. citations.Select(c => c.SourceId).Distinct()], _observer, cancellationToken)
                : await ExportNames.ReadAsync(connection, _observer, cancellationToken);
        }

        return _rows.Of(batch, participants, citations, _names);
    }

    private bool KnowsAll(List<ExportDeal> batch, List<ExportParticipant> participants, List<(int DealId, int SourceId)> citations)
    {
        foreach (var deal in batch)
        {
            if (deal.TargetId is { } targetId && !_names.Knows(targetId))
            {
                return false;
            }
        }

        foreach (var participant in participants)
        {
            if (!_names.Knows(participant.OrganizationId))
            {
                return false;
            }
        }

        foreach (var citation in citations)
        {
            if (!_names.KnowsSource(citation.SourceId))
            {
                return false;
            }
        }

        return true;
    }

    private static HashSet<int> OrganizationIds(List<ExportDeal> batch, List<ExportParticipant> participants)
    {
        var ids = new HashSet<int>(participants.Select(p => p.OrganizationId));
        foreach (var deal in batch)
        {
            if (deal.TargetId is { } targetId)
            {
                ids.Add(targetId);
            }
        }

        return ids;
    }
}
