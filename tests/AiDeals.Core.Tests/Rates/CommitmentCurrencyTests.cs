using AiDeals.Core.Domain;
using AiDeals.Core.Features.Accounts;
using AiDeals.Core.Features.Deals;
using AiDeals.Core.Features.Organizations;
using AiDeals.Core.Features.Rates;
using AiDeals.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static AiDeals.Core.Tests.Support.DealFixtures;

namespace AiDeals.Core.Tests.Rates;

/// <summary>
/// A commitment keeps the currency it was reported in, is converted at the rate of the deal's announced date, counts in
/// the organization's dollar total at that rate, or, with no rate, is left out of it with a count; rates that change
/// convert it again; the deal book carries it.
/// </summary>
public sealed class CommitmentCurrencyTests
{
    private static readonly Actor Admin = Actor.Create("admin@x", Roles.Admin);
    private static readonly Actor Analyst = Actor.Create("analyst@x", Roles.Analyst);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateDeal_CommitmentInFrancs_IsConvertedAtTheDealsDateAndCountedByTheOrganization()
    {
        await using var database = await SeededWithFrancRatesAsync();
        var profiles = new OrganizationProfileQueries(database.Contexts);
        var before = (await profiles.GetProfileAsync("nvidia", Token))!.TotalCommitted;

        var id = await CreateAsync(database, new DateOnly(2024, 6, 15), "CHF", 400_000_000);

        // 10 June's rate, 0.8 francs per dollar: CHF 400M is $500M, in the participant's dollar columns.
        var participant = (await ParticipantsAsync(database, id)).Single();
        Assert.Equal(("CHF", 500_000_000L, (long?)500_000_000), (participant.Currency, participant.CommitmentLow!.Value, participant.CommitmentHigh));
        Assert.Equal(AmountRange.Exact(400_000_000), participant.Reported);
        Assert.Equal(new DateOnly(2024, 6, 10), participant.RateOn);

        var nvidia = (await profiles.GetProfileAsync("nvidia", Token))!;
        Assert.Equal(before.Low + 500_000_000, nvidia.TotalCommitted.Low);
        Assert.Equal(0, nvidia.UnconvertedDeals);
        var shown = Assert.Single(nvidia.Commitments, c => c.Deal.Id == id);
        Assert.Equal("CHF 400M (≈ $500M at the rate of 10 Jun 2024)", shown.AsReported.ToString());

        var page = (await database.DealDetails.GetDetailAsync(id, Token))!;
        Assert.Equal("CHF 400M (≈ $500M at the rate of 10 Jun 2024)", Assert.Single(page.Participants).AsReported.ToString());

        // The editor gets it back as reported.
        var form = (await database.DealForms.GetFormAsync(id, Token))!;
        Assert.Equal(("CHF", (long?)400_000_000), (form.Participants[0].Currency, form.Participants[0].CommitmentLow));
    }

    [Fact]
    public async Task CreateDeal_CommitmentWithNoRate_IsLeftOutOfDollarTotalsWithACount()
    {
        await using var database = await SeededWithFrancRatesAsync();
        var profiles = new OrganizationProfileQueries(database.Contexts);
        var before = (await profiles.GetProfileAsync("nvidia", Token))!.TotalCommitted;

        // A deal in dollars whose commitment is in francs, a month before the first franc rate.
        var id = await CreateAsync(database, new DateOnly(2024, 5, 20), "CHF", 400_000_000, dealCurrency: "USD");

        var participant = (await ParticipantsAsync(database, id)).Single();
        Assert.True(participant.IsUnconverted);
        Assert.Equal(AmountRange.Undisclosed, participant.Commitment);
        var nvidia = (await profiles.GetProfileAsync("nvidia", Token))!;
        Assert.Equal((before.Low, before.High), (nvidia.TotalCommitted.Low, nvidia.TotalCommitted.High));
        Assert.Equal(1, nvidia.UnconvertedDeals);
        Assert.Equal(1, await database.RateQueries.UnconvertedCommitmentCountAsync(Token));
        Assert.Equal(0, await database.RateQueries.UnconvertedCountAsync(Token));
        Assert.Contains("left out of dollar totals", (await database.DealDetails.GetDetailAsync(id, Token))!.Participants[0].AsReported.ToString(), StringComparison.Ordinal);

        // A rate for its day converts it, in the rate's batch.
        var added = await database.Rates.SaveAsync(Admin, new CreateRate(new RateForm { Currency = "CHF", On = new DateOnly(2024, 5, 15), UnitsPerUsd = 0.5 }),
            "CHF", new DateOnly(2024, 5, 15), Token);
        Assert.True(added.Rate.IsSaved);
        Assert.Equal(1, added.DealsConverted);
        Assert.Equal(800_000_000, (await ParticipantsAsync(database, id)).Single().CommitmentLow);
        Assert.Equal(0, await database.RateQueries.UnconvertedCommitmentCountAsync(Token));
        Assert.Equal(before.Low + 800_000_000, (await profiles.GetProfileAsync("nvidia", Token))!.TotalCommitted.Low);
    }

    [Fact]
    public async Task DealBook_CommitmentsInTheirCurrency_RoundTripAndOldBooksReadDollars()
    {
        await using var database = await SeededWithFrancRatesAsync();
        await CreateAsync(database, new DateOnly(2024, 6, 15), "CHF", 400_000_000);

        var path = Path.Combine(Path.GetTempPath(), $"book-{Guid.NewGuid():N}.json");
        await using (var file = File.Create(path))
        {
            await database.Exporter.WriteAllAsync(file, Token);
        }

        await using var copy = await TestDatabase.CreateAsync();
        try
        {
            using var book = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(path, Token));
            var deals = book.RootElement.GetProperty("deals").EnumerateArray().ToList();
            var commitment = deals.Single(d => d.GetProperty("title").GetString() == "Franc commitment deal")
                .GetProperty("participants")[0].GetProperty("commitment");
            Assert.Equal(("CHF", 400_000_000L), (commitment.GetProperty("currency").GetString(), commitment.GetProperty("low").GetInt64()));
            // Dollar commitments are written without a currency, as in every book before they had one, and read as dollars.
            Assert.All(
                deals.Where(d => d.GetProperty("title").GetString() != "Franc commitment deal" && d.TryGetProperty("participants", out _))
                    .SelectMany(d => d.GetProperty("participants").EnumerateArray())
                    .Where(p => p.TryGetProperty("commitment", out _)),
                p => Assert.False(p.GetProperty("commitment").TryGetProperty("currency", out _)));

            await using (var db = await copy.CreateContextAsync())
            {
                db.ExchangeRates.Add(new ExchangeRate { Currency = "CHF", On = new DateOnly(2024, 6, 10), UnitsPerUsd = 0.8 });
                await db.SaveChangesAsync(Token);
            }

            await copy.Loader.LoadAsync(path, Token);
        }
        finally
        {
            File.Delete(path);
        }

        var loaded = (await ParticipantsAsync(copy, await IdOfAsync(copy, "Franc commitment deal"))).Single();
        Assert.Equal(("CHF", AmountRange.Exact(400_000_000), (long?)500_000_000), (loaded.Currency, loaded.Reported, loaded.CommitmentLow));
        await using var others = await copy.CreateContextAsync();
        Assert.All(await others.DealParticipants.Where(p => p.Deal!.Title != "Franc commitment deal").ToListAsync(Token),
            p => Assert.Equal(Currencies.Usd, p.Currency));
    }

    [Fact]
    public async Task CreateDeal_CommitmentInAnUnknownCurrency_IsRefusedAtItsField()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var form = await NewFormAsync(database);
        (form.Participants[0].Currency, form.Participants[0].CommitmentLow, form.Participants[0].CommitmentHigh, form.Participants[0].CommitmentQualifier) =
            ("XYZ", 1, 1, AmountQualifier.Exact);

        var result = await database.Commands.RunAsync(Analyst, new CreateDeal(form), Token);

        Assert.False(result.IsSaved);
        Assert.Equal(["XYZ is no ISO 4217 currency code: write one such as USD, EUR, GBP or CHF."], result.Errors["Participants[0].Currency"]);
    }

    private static async Task<int> CreateAsync(TestDatabase database, DateOnly announced, string currency, long figure, string dealCurrency = "CHF")
    {
        var form = await NewFormAsync(database);
        form.Title = "Franc commitment deal";
        (form.Currency, form.AmountLow, form.AmountHigh, form.AmountQualifier) = (dealCurrency, 800_000_000, 800_000_000, AmountQualifier.Exact);
        (form.AnnouncedOn, form.AnnouncedPrecision) = (announced, DatePrecision.Day);
        var participant = form.Participants[0];
        (participant.Currency, participant.CommitmentLow, participant.CommitmentHigh, participant.CommitmentQualifier) = (currency, figure, figure, AmountQualifier.Exact);
        var result = await database.Commands.RunAsync(Analyst, new CreateDeal(form), Token);
        Assert.True(result.IsSaved, string.Join(" ", result.Errors.SelectMany(e => e.Value)));
        return result.Id!.Value;
    }

    private static async Task<List<DealParticipant>> ParticipantsAsync(TestDatabase database, int dealId)
    {
        await using var db = await database.CreateContextAsync();
        return await db.DealParticipants.AsNoTracking().Where(p => p.DealId == dealId).ToListAsync(Token);
    }

    private static async Task<TestDatabase> SeededWithFrancRatesAsync()
    {
        var database = await TestDatabase.CreateSeededAsync();
        await using var db = await database.CreateContextAsync();
        db.ExchangeRates.AddRange(
            new ExchangeRate { Currency = "CHF", On = new DateOnly(2024, 6, 1), UnitsPerUsd = 0.9 },
            new ExchangeRate { Currency = "CHF", On = new DateOnly(2024, 6, 10), UnitsPerUsd = 0.8 });
        await db.SaveChangesAsync(Token);
        return database;
    }
}
