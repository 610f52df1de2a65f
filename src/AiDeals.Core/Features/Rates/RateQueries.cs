using AiDeals.Core.Data;
using AiDeals.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Features.Rates;

/// <summary>A currency the rates table holds: how many days, from when to when, and its latest rate.</summary>
public sealed record RateCurrency(string Currency, int Days, DateOnly First, DateOnly Last, double LatestUnitsPerUsd);

/// <summary>The rates page's reads, and the count every dollar total shows of the deals it leaves out.</summary>
public sealed class RateQueries(IDbContextFactory<AiDealsDbContext> contexts)
{
    public async Task<List<RateCurrency>> CurrenciesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var spans = await db.ExchangeRates.AsNoTracking().GroupBy(r => r.Currency)
            .Select(g => new { Currency = g.Key, Days = g.Count(), First = g.Min(r => r.On), Last = g.Max(r => r.On) })
            .OrderBy(c => c.Currency).ToListAsync(cancellationToken);
        var result = new List<RateCurrency>(spans.Count);
        foreach (var span in spans)
        {
            var latest = await db.ExchangeRates.AsNoTracking().Where(r => r.Currency == span.Currency && r.On == span.Last)
                .Select(r => r.UnitsPerUsd).FirstAsync(cancellationToken);
            result.Add(new RateCurrency(span.Currency, span.Days, span.First, span.Last, latest));
        }

        return result;
    }

    /// <summary>The rates of a currency, newest first, as forms an admin edits.</summary>
    public async Task<List<RateForm>> RatesAsync(string currency, int take = 200, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var code = Currencies.Normalize(currency);
        var rows = await db.ExchangeRates.AsNoTracking().Where(r => r.Currency == code)
            .OrderByDescending(r => r.On).Take(Math.Clamp(take, 1, 1000)).ToListAsync(cancellationToken);
        return [.. rows.Select(RateForm.Of)];
    }

    /// <summary>
    /// Live deals whose amount was reported in another currency and that no rate converted: the deals every dollar total
    /// leaves out. Read on the partial index of deals in other currencies, so it costs nothing when all are in dollars.
    /// </summary>
    public async Task<int> UnconvertedCountAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await UnconvertedCountAsync(db, cancellationToken);
    }

    /// <summary>
    /// Live commitments in live deals reported in another currency that no rate converted: left out of capital by
    /// investor. Read on the partial index of commitments in other currencies.
    /// </summary>
    public async Task<int> UnconvertedCommitmentCountAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.DealParticipants.AsNoTracking().CountAsync(
            p => p.Currency != Currencies.Usd && p.RateOn == null && p.ReportedQualifier != null && p.ReportedQualifier != AmountQualifier.Undisclosed
                && p.Deal!.DeletedAt == null,
            cancellationToken);
    }

    internal static Task<int> UnconvertedCountAsync(AiDealsDbContext db, CancellationToken cancellationToken) =>
        db.Deals.AsNoTracking().CountAsync(
            d => d.Currency != Currencies.Usd && d.RateOn == null && d.ReportedQualifier != null && d.ReportedQualifier != AmountQualifier.Undisclosed,
            cancellationToken);
}
