using AiDeals.Core.Data;
using AiDeals.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Features.Rates;

/// <summary>The rate a deal's amount is converted at: the nearest earlier rate of its currency to its announced date.</summary>
public static class RateLookup
{
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
