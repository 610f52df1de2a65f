using AiDeals.Core.Data;
using AiDeals.Core.Domain;
using AiDeals.Core.Features.Deals;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Features.Rates;

/// <summary>
/// Converts a deal's reported amount to dollars again at the rates stored now, after rates changed: run in the same
/// batch as the change of rates, so that the history shows both under one label. A deal whose figures come out the same
/// is left as it is (and not audited).
/// </summary>
public sealed class ConvertDeal(int id) : DealCommand(id, version: null)
{
    protected override IQueryable<Deal> Load(IQueryable<Deal> rows) => rows.Include(d => d.Participants);

    protected override async Task ApplyAsync(CommandScope scope, Deal row)
    {
        var rates = await RateLookup.ForCurrenciesAsync(
            scope.Db, row.Participants.Select(p => p.Currency).Append(row.Currency), row.AnnouncedOn, scope.CancellationToken);
        row.Report(row.Currency, row.Reported, rates.GetValueOrDefault(row.Currency));
        foreach (var participant in row.Participants.Where(p => !Currencies.IsUsd(p.Currency)))
        {
            participant.Report(participant.Currency, participant.Reported, rates.GetValueOrDefault(participant.Currency));
        }
    }

    /// <summary>
    /// The live deals announced from <paramref name="from"/> to <paramref name="to"/> with an amount or a commitment in
    /// <paramref name="currency"/>: those rates of those days can convert.
    /// </summary>
    public static async Task<List<int>> AffectedAsync(AiDealsDbContext db, string currency, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var deals = await db.Deals.AsNoTracking()
            .Where(d => d.Currency == currency && d.Currency != Currencies.Usd && d.AnnouncedOn >= from && d.AnnouncedOn <= to)
            .Select(d => d.Id).ToListAsync(cancellationToken);
        var committed = await db.DealParticipants.AsNoTracking()
            .Where(p => p.Currency == currency && p.Currency != Currencies.Usd && p.Deal!.AnnouncedOn >= from && p.Deal.AnnouncedOn <= to)
            .Select(p => p.DealId).ToListAsync(cancellationToken);
        return [.. deals.Concat(committed).Distinct().Order()];
    }
}
