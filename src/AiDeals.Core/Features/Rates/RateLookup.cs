using AiDeals.Core.Data;
using AiDeals.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Features.Rates;

/// <summary>The rate a deal's amount is converted at: the nearest earlier rate of its currency to its announced date.</summary>
public static class RateLookup
{
    /// <summary>
    /// The rates a deal's form is converted at, by currency: its amount's and each commitment's, at the deal's announced
    /// date. A currency with no usable rate is not in it (its figures are left out of dollar totals).
    /// </summary>
    public static Task<IReadOnlyDictionary<string, ExchangeRate>> ForDealAsync(AiDealsDbContext db, Deals.DealForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        return ForCurrenciesAsync(db, form.Participants.Select(p => p.Currency).Append(form.Currency), form.Announced?.Date, cancellationToken);
    }

    /// <summary>The nearest earlier rate of each currency to <paramref name="on"/> (see <see cref="NearestEarlierAsync"/>), for those that have one.</summary>
    public static async Task<IReadOnlyDictionary<string, ExchangeRate>> ForCurrenciesAsync(
        AiDealsDbContext db, IEnumerable<string?> currencies, DateOnly? on, CancellationToken cancellationToken)
    {
        var rates = new Dictionary<string, ExchangeRate>(StringComparer.Ordinal);
        foreach (var code in currencies.Select(Currencies.Normalize).Distinct())
        {
            if (await NearestEarlierAsync(db, code, on, cancellationToken) is { } rate)
            {
                rates[code] = rate;
            }
        }

        return rates;
    }

    /// <summary>
    /// The live rate of <paramref name="currency"/> on <paramref name="on"/> or the nearest day before it, no older than
    /// <see cref="Currencies.RateMaxAgeDays"/>; null for dollars, for a deal with no date, or when there is none.
    /// </summary>
    public static async Task<ExchangeRate?> NearestEarlierAsync(AiDealsDbContext db, string? currency, DateOnly? on, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var code = Currencies.Normalize(currency);
        if (code == Currencies.Usd || on is not { } day)
        {
            return null;
        }

        var oldest = day.AddDays(-Currencies.RateMaxAgeDays);
        return await db.ExchangeRates.AsNoTracking()
            .Where(r => r.Currency == code && r.On <= day && r.On >= oldest)
            .OrderByDescending(r => r.On)
            .FirstOrDefaultAsync(cancellationToken);
    }
}
