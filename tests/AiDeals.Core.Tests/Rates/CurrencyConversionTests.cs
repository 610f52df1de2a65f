using AiDeals.Core.Domain;
using AiDeals.Core.Features;
using AiDeals.Core.Features.Accounts;
using AiDeals.Core.Features.Rates;
using AiDeals.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static AiDeals.Core.Tests.Support.DealFixtures;

namespace AiDeals.Core.Tests.Rates;

/// <summary>
/// A deal in another currency: converted at the nearest earlier rate to its announced date, counted in dollar totals,
/// or, with no usable rate, left out of them with a count; converted again when rates change; rates are admins' to change.
/// </summary>
public class CurrencyConversionTests
{
    private static readonly Actor Admin = Actor.Create("admin@x", Roles.Admin);
    private static readonly Actor Analyst = Actor.Create("analyst@x", Roles.Analyst);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateDeal_InFrancs_ConvertsAtTheNearestEarlierRate()
    {
        await using var database = await SeededWithFrancRatesAsync();

        var deal = await CreateFrancDealAsync(database, new DateOnly(2024, 6, 15));

        // The rates of 1 and 10 June are earlier, that of 20 June later: 10 June's, 0.8 francs per dollar.
        Assert.Equal(750_000_000, deal.AmountLow);
        Assert.Equal(750_000_000, deal.AmountHigh);
        Assert.Equal(new DateOnly(2024, 6, 10), deal.RateOn);
        Assert.Equal("CHF", deal.Currency);
        Assert.Equal(AmountRange.Exact(600_000_000), deal.Reported);
        Assert.False(deal.IsUnconverted);
    }

    [Theory]
    [InlineData(2024, 5, 31)]
    [InlineData(2024, 7, 22)]
    public async Task CreateDeal_NoRateOnOrShortlyBefore_IsLeftOutOfDollarTotalsAndCounted(int year, int month, int day)
    {
        await using var database = await SeededWithFrancRatesAsync();
        var before = (await database.Dashboard.GetSummaryAsync(Token)).Capital;

        var deal = await CreateFrancDealAsync(database, new DateOnly(year, month, day));

        // Before the first rate, or more than a month after the last (20 June): never a made-up rate.
        Assert.True(deal.IsUnconverted);
        Assert.Null(deal.AmountLow);
        Assert.Equal(AmountQualifier.Undisclosed, deal.AmountQualifier);
        Assert.Equal(AmountRange.Exact(600_000_000), deal.Reported);
        Assert.Equal(1, await database.RateQueries.UnconvertedCountAsync(Token));
        var after = (await database.Dashboard.GetSummaryAsync(Token)).Capital;
        Assert.Equal((before.Low, before.High), (after.Low, after.High));
    }

    [Fact]
    public async Task CreateDeal_InFrancs_CountsItsDollarsInTheCapitalTotal()
    {
        await using var database = await SeededWithFrancRatesAsync();
        var before = (await database.Dashboard.GetSummaryAsync(Token)).Capital;

        await CreateFrancDealAsync(database, new DateOnly(2024, 6, 15));

        var after = (await database.Dashboard.GetSummaryAsync(Token)).Capital;
        Assert.Equal(before.Low + 750_000_000, after.Low);
        Assert.Equal(before.High + 750_000_000, after.High);
        Assert.Equal(0, await database.RateQueries.UnconvertedCountAsync(Token));
    }

    [Fact]
    public async Task SaveRate_AddedChangedDeleted_ConvertsTheDealsItTouchesInTheSameBatch()
    {
        await using var database = await SeededWithFrancRatesAsync();
        var id = (await CreateFrancDealAsync(database, new DateOnly(2024, 5, 20))).Id;
        Assert.True((await DealAsync(database, id)).IsUnconverted);

        var added = await database.Rates.SaveAsync(Admin, new CreateRate(Form(new DateOnly(2024, 5, 15), 1.2)), "CHF", new DateOnly(2024, 5, 15), Token);

        Assert.True(added.Rate.IsSaved);
        Assert.Equal(1, added.DealsConverted);
        Assert.Equal(500_000_000, (await DealAsync(database, id)).AmountLow);
        var audits = await AuditsAsync(database);
        var rateAudit = audits.Last(a => a.EntityType == nameof(ExchangeRate));
        var dealAudit = audits.Last(a => a.EntityType == nameof(Deal) && a.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.NotNull(rateAudit.Batch);
        Assert.Equal(rateAudit.Batch, dealAudit.Batch);
        Assert.Equal(Admin.UserName, dealAudit.User);

        var stored = (await database.RateQueries.RatesAsync("CHF", cancellationToken: Token)).Single(r => r.On == new DateOnly(2024, 5, 15));
        stored.UnitsPerUsd = 0.6;
        var changed = await database.Rates.SaveAsync(Admin, new UpdateRate(stored), "CHF", stored.On!.Value, Token);
        Assert.True(changed.Rate.IsSaved);
        Assert.Equal(1_000_000_000, (await DealAsync(database, id)).AmountLow);

        var deleted = await database.Rates.SaveAsync(Admin, new DeleteRate(stored.Id, changed.Rate.Version!.Value), "CHF", stored.On!.Value, Token);
        Assert.True(deleted.Rate.IsSaved);
        Assert.True((await DealAsync(database, id)).IsUnconverted);
    }

    [Fact]
    public async Task ImportRates_EcbFile_AddsRatesOnceAndConvertsTheDeals()
    {
        await using var database = await SeededWithFrancRatesAsync();
        var id = (await CreateFrancDealAsync(database, new DateOnly(2024, 5, 23))).Id;
        // Days the seeded sample has no rate for, so every rate of the file is new.
        const string File = "Date,USD,CHF,SEK,\n2024-05-22,1.0800,0.9720,N/A,\n2024-05-21,1.0850,0.9800,11.6,\n";

        var preview = await database.Rates.ImportAsync(Admin, "eurofxref-hist.csv", File, commit: false, Token);
        Assert.False(preview.Committed);
        Assert.Equal((5, 0, 1), (preview.Added, preview.Changed, preview.DealsConverted));
        Assert.True((await DealAsync(database, id)).IsUnconverted);

        var imported = await database.Rates.ImportAsync(Admin, "eurofxref-hist.csv", File, commit: true, Token);
        Assert.True(imported.Committed);
        Assert.Empty(imported.Problems);
        // 22 May: 0.972 francs per euro at $1.08 per euro = 0.9 francs per dollar.
        Assert.Equal(666_666_667, (await DealAsync(database, id)).AmountLow);

        var again = await database.Rates.ImportAsync(Admin, "eurofxref-hist.csv", File, commit: true, Token);
        Assert.Equal((0, 0, 5), (again.Added, again.Changed, again.Unchanged));
    }

    [Fact]
    public async Task RateChanges_Analyst_IsRefusedAndChangesNothing()
    {
        await using var database = await SeededWithFrancRatesAsync();
        await using var db = await database.CreateContextAsync();
        var rates = await db.ExchangeRates.CountAsync(Token);

        var import = await database.Rates.ImportAsync(Analyst, "rates.csv", "Date,USD,CHF,\n2024-05-17,1.08,0.972,\n", commit: true, Token);
        var save = await database.Rates.SaveAsync(Analyst, new CreateRate(Form(new DateOnly(2024, 5, 15), 1.2)), "CHF", new DateOnly(2024, 5, 15), Token);

        Assert.False(import.Committed);
        Assert.Equal("Only admins may import rates.", import.Refused);
        Assert.Equal(CommandOutcome.Forbidden, save.Rate.Outcome);
        Assert.Equal(rates, await db.ExchangeRates.CountAsync(Token));
    }

    [Theory]
    [InlineData("USD", 1.0, "Rates are quoted in units per US dollar: a dollar is always one dollar.")]
    [InlineData("EURO", 1.0, "Write the currency as its three-letter code, such as EUR, GBP or JPY.")]
    [InlineData("CHF", 0.0, "A rate is a positive number of units per US dollar, at most 1,000,000.")]
    public async Task CreateRate_Invalid_SaysWhy(string currency, double units, string message)
    {
        await using var database = await SeededWithFrancRatesAsync();

        var result = await database.Commands.RunAsync(Admin, new CreateRate(new RateForm { Currency = currency, On = new DateOnly(2024, 1, 2), UnitsPerUsd = units }), Token);

        Assert.Equal(CommandOutcome.Invalid, result.Outcome);
        Assert.Contains(message, result.Errors.SelectMany(e => e.Value));
    }

    private static RateForm Form(DateOnly on, double units) => new() { Currency = "CHF", On = on, UnitsPerUsd = units };

    private static async Task<TestDatabase> SeededWithFrancRatesAsync()
    {
        var database = await TestDatabase.CreateSeededAsync();
        await using var db = await database.CreateContextAsync();
        db.ExchangeRates.AddRange(
            new ExchangeRate { Currency = "CHF", On = new DateOnly(2024, 6, 1), UnitsPerUsd = 0.9 },
            new ExchangeRate { Currency = "CHF", On = new DateOnly(2024, 6, 10), UnitsPerUsd = 0.8 },
            new ExchangeRate { Currency = "CHF", On = new DateOnly(2024, 6, 20), UnitsPerUsd = 0.5 });
        await db.SaveChangesAsync(Token);
        return database;
    }

    private static async Task<Deal> CreateFrancDealAsync(TestDatabase database, DateOnly announced)
    {
        var form = await NewFormAsync(database);
        (form.Currency, form.AmountLow, form.AmountHigh, form.AmountQualifier) = ("chf", 600_000_000, 600_000_000, AmountQualifier.Exact);
        (form.AnnouncedOn, form.AnnouncedPrecision) = (announced, DatePrecision.Day);
        var result = await database.Commands.RunAsync(Analyst, new Features.Deals.CreateDeal(form), Token);
        Assert.True(result.IsSaved, string.Join(" ", result.Errors.SelectMany(e => e.Value)));
        return await DealAsync(database, result.Id!.Value);
    }

    private static async Task<Deal> DealAsync(TestDatabase database, int id)
    {
        await using var db = await database.CreateContextAsync();
        return await db.Deals.AsNoTracking().SingleAsync(d => d.Id == id, Token);
    }
}
