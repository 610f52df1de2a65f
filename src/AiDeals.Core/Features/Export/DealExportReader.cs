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
/// <remarks>
/// The first batch is small and each next one twice the size, up to the batch size, so that a download's first rows
/// go out after a few hundred deals' reads rather than a whole batch's. A batch names its own rows (one read by key)
/// until every name has been read, which an export longer than a batch starts on a third connection
/// (<see cref="ExportAllNames"/>): read before the first batch, the names were most of a download's wait for its first
/// byte.
/// </remarks>
internal sealed class DealExportReader
{
    /// <summary>The size of an export's first batch (less when the batch size is less).</summary>
    internal const int FirstBatchSize = 250;

    private readonly AiDealsDbContext _lookups;
    private readonly ExportAllNames _allNames;
    private readonly Action<string>? _observer;
    // A batch's reads and sorts, kept from one batch to the next (one batch completes at a time).
    private readonly List<ExportParticipant> _participants = [];
    private readonly List<(int DealId, int SourceId)> _citations = [];
    private readonly ExportRows _rows = new();

    private DealExportReader(AiDealsDbContext lookups, ExportAllNames allNames, Action<string>? observer)
    {
        _lookups = lookups;
        _allNames = allNames;
        _observer = observer;
    }

    public static async IAsyncEnumerable<DealExportRow> ReadAsync(
        IDbContextFactory<AiDealsDbContext> contexts, DealFilter filter, int batchSize, Action<string>? observer, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var lookups = await contexts.CreateDbContextAsync(cancellationToken);
        await lookups.Database.OpenConnectionAsync(cancellationToken);
        await using var deals = await ExportDeals.OpenAsync(db, filter, observer, cancellationToken);
        // A read of every name still running when the export ends (or is dropped) is stopped.
        await using var allNames = new ExportAllNames(contexts, observer, cancellationToken);
        var reader = new DealExportReader(lookups, allNames, observer);
        var size = Math.Min(FirstBatchSize, batchSize);
        var batch = await deals.NextBatchAsync(size, cancellationToken);
        var read = batch.Count;
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

                if (current.Count < size)
                {
                    break;
                }

                if (read >= batchSize)
                {
                    // A long export: every name once costs less than each batch's own from here on.
                    allNames.Start();
                }

                size = Math.Min(size * 2, batchSize);
                batch = await deals.NextBatchAsync(size, cancellationToken);
                read += batch.Count;
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
        // Every name once read; until then, or when an organization or source is newer than them (rare: a long export
        // on a live database), the names of this batch's rows.
        var names = _allNames.Ready is { } all && KnowsAll(all, batch, participants, citations)
            ? all
            : await ExportNames.ReadAsync(connection, OrganizationIds(batch, participants), SourceIds(citations), _observer, cancellationToken);
        return _rows.Of(batch, participants, citations, names);
    }

    private static bool KnowsAll(ExportNames names, List<ExportDeal> batch, List<ExportParticipant> participants, List<(int DealId, int SourceId)> citations)
    {
        foreach (var deal in batch)
        {
            if (deal.TargetId is { } targetId && !names.Knows(targetId))
            {
                return false;
            }
        }

        foreach (var participant in participants)
        {
            if (!names.Knows(participant.OrganizationId))
            {
                return false;
            }
        }

        foreach (var citation in citations)
        {
            if (!names.KnowsSource(citation.SourceId))
            {
                return false;
            }
        }

        return true;
    }

    private static HashSet<int> SourceIds(List<(int DealId, int SourceId)> citations)
    {
        var ids = new HashSet<int>();
        foreach (var citation in citations)
        {
            ids.Add(citation.SourceId);
        }

        return ids;
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
