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
    protected override async Task ApplyAsync(CommandScope scope, Deal row)
    {
        var rate = await RateLookup.NearestEarlierAsync(scope.Db, row.Currency, row.AnnouncedOn, scope.CancellationToken);
        row.Report(row.Currency, row.Reported, rate);
    }

    /// <summary>The live deals in <paramref name="currency"/> announced from <paramref name="from"/> to <paramref name="to"/>: those rates of those days can convert.</summary>
    public static Task<List<int>> AffectedAsync(AiDealsDbContext db, string currency, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Deals.AsNoTracking()
            .Where(d => d.Currency == currency && d.Currency != Currencies.Usd && d.AnnouncedOn >= from && d.AnnouncedOn <= to)
            .OrderBy(d => d.Id).Select(d => d.Id).ToListAsync(cancellationToken);
    }
}
