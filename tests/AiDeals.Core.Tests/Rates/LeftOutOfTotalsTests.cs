using AiDeals.Core.Domain;
using AiDeals.Core.Features.Accounts;
using AiDeals.Core.Features.Dashboard;
using AiDeals.Core.Features.Deals;
using AiDeals.Core.Features.Organizations;
using AiDeals.Core.Tests.Support;
using static AiDeals.Core.Tests.Support.DealFixtures;

namespace AiDeals.Core.Tests.Rates;

/// <summary>
/// A deal in another currency that no rate converted is left out of every dollar total, and each total says how many it
/// left out: the deal list's for its filters, an organization's for its deals as investor.
/// </summary>
public sealed class LeftOutOfTotalsTests
{
    private static readonly Actor Analyst = Actor.Create("analyst@x", Roles.Analyst);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task LeftOut_DealWithNoRate_IsCountedForTheFiltersThatMatchIt()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        Assert.Equal(0, (await database.Deals.TotalAsync(new DealFilter(), Token))!.LeftOut);

        // Francs have no rate in the seeded table: the deal's dollars read undisclosed.
        await CreateInFrancsAsync(database, DealStatus.Announced);
        await CreateInFrancsAsync(database, DealStatus.Rumored);

        Assert.Equal(2, (await database.Deals.TotalAsync(new DealFilter(), Token))!.LeftOut);
        Assert.Equal(1, (await database.Deals.TotalAsync(new DealFilter { Statuses = [DealStatus.Rumored] }, Token))!.LeftOut);
        Assert.Equal(2, (await database.Deals.TotalAsync(new DealFilter { Investors = ["nvidia"] }, Token))!.LeftOut);
        Assert.Equal(0, (await database.Deals.TotalAsync(new DealFilter { Investors = ["softbank"] }, Token))!.LeftOut);
        Assert.Equal(0, (await database.Deals.TotalAsync(new DealFilter { Statuses = [DealStatus.Completed] }, Token))!.LeftOut);
    }

    [Fact]
    public async Task Total_DealWithNoRate_IsLeftOutOnceAndNotUndisclosed()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var before = (await database.Deals.TotalAsync(new DealFilter(), Token))!;
        Assert.Equal(0, before.LeftOut);

        await CreateInFrancsAsync(database, DealStatus.Announced);
        var undisclosed = await NewFormAsync(database);
        (undisclosed.Title, undisclosed.AmountLow, undisclosed.AmountHigh, undisclosed.AmountQualifier) = ("An undisclosed deal", null, null, AmountQualifier.Undisclosed);
        Assert.True((await database.Commands.RunAsync(Analyst, new CreateDeal(undisclosed), Token)).IsSaved);

        // Each deal in one bucket: the franc deal left out, the undisclosed one undisclosed, the figures unchanged.
        var after = (await database.Deals.TotalAsync(new DealFilter(), Token))!;
        Assert.Equal(1, after.LeftOut);
        Assert.Equal(before.Undisclosed + 1, after.Undisclosed);
        Assert.Equal(before.CountedInFull + 1, after.CountedInFull);
        Assert.Equal((before.Low, before.High), (after.Low, after.High));
        var francsOnly = (await database.Deals.TotalAsync(new DealFilter { Text = "Franc" }, Token))!;
        Assert.Equal((1, 0, 0), (francsOnly.LeftOut, francsOnly.Undisclosed, francsOnly.CountedInFull));

        // The dashboard says it the same way.
        var summary = await database.Dashboard.GetSummaryAsync(Token);
        var view = DashboardView.Of(summary, [], await database.RateQueries.UnconvertedCountAsync(Token));
        Assert.Equal(1, view.UnconvertedDeals);
        Assert.Equal(summary.Capital.UndisclosedDeals - 1, view.Summary.Capital.UndisclosedDeals);
        Assert.Equal(after.Undisclosed, view.Summary.Capital.UndisclosedDeals);
    }

    [Fact]
    public async Task Profile_InvestorInADealWithNoRate_CountsItAsLeftOutUnlessItsCommitmentIsGiven()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var profiles = new OrganizationProfileQueries(database.Contexts);
        Assert.Equal(0, (await profiles.GetProfileAsync("nvidia", Token))!.UnconvertedDeals);

        await CreateInFrancsAsync(database, DealStatus.Announced);
        var form = await NewFormAsync(database);
        (form.Currency, form.AmountLow, form.AmountHigh, form.AmountQualifier) = ("CHF", 900_000_000, 900_000_000, AmountQualifier.Exact);
        form.Title = "A second franc deal";
        // Its own commitment in dollars is counted whatever the deal's currency: nothing of it is left out.
        (form.Participants[0].CommitmentLow, form.Participants[0].CommitmentHigh, form.Participants[0].CommitmentQualifier) = (100_000_000, 100_000_000, AmountQualifier.Exact);
        Assert.True((await database.Commands.RunAsync(Analyst, new CreateDeal(form), Token)).IsSaved);

        var nvidia = (await profiles.GetProfileAsync("nvidia", Token))!;
        Assert.Equal(1, nvidia.UnconvertedDeals);
        Assert.Equal(0, (await profiles.GetProfileAsync("softbank", Token))!.UnconvertedDeals);
    }

    [Fact]
    public async Task Search_DealsInOtherCurrencies_CarryTheirAmountAsReportedOnEveryListPath()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        await CreateInFrancsAsync(database, DealStatus.Announced);
        var form = await NewFormAsync(database);
        (form.Currency, form.AmountLow, form.AmountHigh, form.AmountQualifier, form.Title) = ("EUR", 600_000_000, 600_000_000, AmountQualifier.Exact, "A euro deal");
        Assert.True((await database.Commands.RunAsync(Analyst, new CreateDeal(form), Token)).IsSaved);

        // The plain list (keyset SQL) and the free-text list read the same columns.
        foreach (var filter in new[] { new DealFilter(), new DealFilter { Text = "deal" } })
        {
            var rows = (await database.Deals.SearchAsync(filter, new DealPageRequest { PageSize = 100 }, Token)).Items;
            var euro = Assert.Single(rows, d => d.Title == "A euro deal").AsReported!;
            Assert.Equal("EUR", euro.Currency);
            Assert.StartsWith("€600M", euro.AsReported, StringComparison.Ordinal);
            Assert.NotNull(euro.RateOn);
            Assert.False(euro.IsUnconverted);
            var franc = Assert.Single(rows, d => d.Title == "Franc deal Announced").AsReported!;
            Assert.True(franc.IsUnconverted);
            Assert.Contains("left out of dollar totals", franc.ToString(), StringComparison.Ordinal);
            Assert.All(rows.Where(d => !d.Title.Contains("deal", StringComparison.Ordinal) || d.Title.StartsWith("SoftBank", StringComparison.Ordinal)),
                d => Assert.True(d.AsReported!.IsInDollars));
        }
    }

    private static async Task CreateInFrancsAsync(TestDatabase database, DealStatus status)
    {
        var form = await NewFormAsync(database);
        (form.Currency, form.AmountLow, form.AmountHigh, form.AmountQualifier, form.Status) = ("CHF", 600_000_000, 600_000_000, AmountQualifier.Exact, status);
        form.Title = $"Franc deal {status}";
        var result = await database.Commands.RunAsync(Analyst, new CreateDeal(form), Token);
        Assert.True(result.IsSaved, string.Join(" ", result.Errors.SelectMany(e => e.Value)));
    }
}
