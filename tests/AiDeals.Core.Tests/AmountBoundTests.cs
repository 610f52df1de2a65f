using AiDeals.Core.Domain;
using AiDeals.Core.Features;
using AiDeals.Core.Features.Accounts;
using AiDeals.Core.Features.Deals;
using AiDeals.Core.Features.MarketEvents;
using AiDeals.Core.Features.Organizations;
using AiDeals.Core.Features.Valuations;
using AiDeals.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static AiDeals.Core.Tests.Support.DealFixtures;

namespace AiDeals.Core.Tests;

/// <summary>
/// The largest amount a figure may be written with ($100T), through every write that takes one, and the sums of figures
/// stored before that bound, which must still read.
/// </summary>
public sealed class AmountBoundTests
{
    private const string TooLarge = "An amount cannot be more than $100T.";

    private static readonly Actor Analyst = Actor.Create("ann@aideals.test", Roles.Analyst);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetSummaryAsync_TwoStoredFiguresOfTheLargestLong_ReadsWithoutOverflow()
    {
        await using var database = await TestDatabase.CreateAsync();
        await InsertLargestLongDealsAsync(database);

        var summary = await database.Dashboard.GetSummaryAsync(Token);

        Assert.Equal(2, summary.DealCount);
        Assert.Equal(long.MaxValue, summary.Capital.Low);
        Assert.Equal(long.MaxValue, summary.Capital.High);
        Assert.Equal(long.MaxValue, Assert.Single(summary.CapitalByInvestor).High);
        Assert.Equal(long.MaxValue, summary.LargestDeal!.Amount.High);
        Assert.Equal(2, summary.Activity.DealsShown);
    }

    [Fact]
    public async Task GetProfileAsync_TwoStoredCommitmentsOfTheLargestLong_ReadsWithoutOverflow()
    {
        await using var database = await TestDatabase.CreateAsync();
        await InsertLargestLongDealsAsync(database);

        var profile = await new OrganizationProfileQueries(database.Contexts).GetProfileAsync("giant", Token);

        Assert.Equal(long.MaxValue, profile!.TotalCommitted.High);
        Assert.Equal(long.MaxValue, Assert.Single(profile.CommittedByYear).Low);
    }

    [Fact]
    public async Task UpdateDeal_AmountAboveTheBound_IsInvalidOnThatFigureAndSavesNothing()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var form = await FormOfAsync(database, WeWork);
        var version = form.Version;
        (form.AmountLow, form.AmountHigh, form.AmountQualifier) = (long.MaxValue, long.MaxValue, AmountQualifier.Exact);

        var result = await database.Commands.RunAsync(Analyst, new UpdateDeal(form), Token);

        Assert.Equal(CommandOutcome.Invalid, result.Outcome);
        Assert.Equal([TooLarge], result.Errors[nameof(DealForm.AmountLow)]);
        Assert.Equal(version, (await FormOfAsync(database, WeWork)).Version);
    }

    [Fact]
    public async Task UpdateDeal_CommitmentHighAboveTheBound_IsInvalidOnTheCommitmentHigh()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var form = await FormOfAsync(database, WeWork);
        (form.Participants[0].CommitmentLow, form.Participants[0].CommitmentHigh, form.Participants[0].CommitmentQualifier) =
            (1_000_000_000, AmountRange.MaxFigure + 1, AmountQualifier.Range);

        var result = await database.Commands.RunAsync(Analyst, new UpdateDeal(form), Token);

        Assert.Equal([TooLarge], result.Errors["Participants[0].CommitmentHigh"]);
    }

    [Fact]
    public async Task UpdateDeal_AmountAtTheBound_Saves()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var form = await FormOfAsync(database, WeWork);
        (form.AmountLow, form.AmountHigh, form.AmountQualifier) = (AmountRange.MaxFigure, AmountRange.MaxFigure, AmountQualifier.Exact);

        Assert.True((await database.Commands.RunAsync(Analyst, new UpdateDeal(form), Token)).IsSaved);
    }

    [Fact]
    public async Task CreateValuation_AmountAboveTheBound_IsInvalidOnTheAmount()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var form = new ValuationForm { OrganizationId = await OrganizationIdAsync(database, "openai"), AsOf = "2025", Amount = long.MaxValue };

        var result = await database.Commands.RunAsync(Analyst, new CreateValuation(form), Token);

        Assert.Equal([TooLarge], result.Errors[nameof(ValuationForm.Amount)]);
    }

    [Theory]
    [InlineData(long.MaxValue)]
    [InlineData(long.MinValue)]
    [InlineData(-AmountRange.MaxFigure - 1)]
    public async Task CreateMarketEvent_AmountBeyondTheBoundEitherWay_IsInvalidOnTheAmount(long amount)
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var form = new MarketEventForm { Title = "A loss beyond any market", Occurred = "2025-01", Amount = amount };

        var result = await database.Commands.RunAsync(Analyst, new CreateMarketEvent(form), Token);

        Assert.Equal([TooLarge], result.Errors[nameof(MarketEventForm.Amount)]);
    }

    // Written past the commands, as rows stored before the bound existed were: an organization that committed the
    // largest long to two leaf deals.
    private static async Task InsertLargestLongDealsAsync(TestDatabase database)
    {
        await using var db = await database.CreateContextAsync();
        var giant = new Organization { Name = "Giant", Slug = "giant" };
        for (var i = 1; i <= 2; i++)
        {
            db.Deals.Add(new Deal
            {
                Title = $"Largest long {i}",
                Kind = DealKind.EquityInvestment,
                Status = DealStatus.Announced,
                AmountLow = long.MaxValue,
                AmountHigh = long.MaxValue,
                AmountQualifier = AmountQualifier.Exact,
                Announced = PartialDate.Create(new DateOnly(2025, i, 1), DatePrecision.Day),
                Participants =
                [
                    new DealParticipant
                    {
                        Organization = giant,
                        Role = ParticipantRole.Lead,
                        CommitmentLow = long.MaxValue,
                        CommitmentHigh = long.MaxValue,
                        CommitmentQualifier = AmountQualifier.Exact,
                    },
                ],
            });
        }

        await db.SaveChangesAsync(Token);
    }

    private static async Task<int> OrganizationIdAsync(TestDatabase database, string slug)
    {
        await using var db = await database.CreateContextAsync();
        return await db.Organizations.Where(o => o.Slug == slug).Select(o => o.Id).SingleAsync(Token);
    }
}
