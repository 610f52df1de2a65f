using AiDeals.Core.Domain;
using AiDeals.Core.Features;
using AiDeals.Core.Features.Organizations;
using AiDeals.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Tests;

/// <summary><see cref="OrganizationProfileQueries.GetProfileAsync"/> on the article's deal book.</summary>
public class OrganizationProfileTests
{
    private const long Billion = 1_000_000_000;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetProfileAsync_SoftBank_TotalCountsThePartsAndOnlyTheRestOfTheWiderDeal()
    {
        await using var database = await TestDatabase.CreateSeededAsync();

        var profile = await Profiles(database).GetProfileAsync("softbank", Token);

        // Partnership "more than $40B" is the wider deal over equity $15–25B and Stargate $15B, which add to $30–40B:
        // it adds max(0, 40 − 30) = $10B at the low end and max(0, 40 − 40) = 0 at the high end. Stargate project is
        // undisclosed for SoftBank (its $15B part counts once); WeWork $16B. 15 + 15 + 10 + 16 = $56B to 25 + 15 + 0 + 16 = $56B.
        Assert.NotNull(profile);
        Assert.Equal(new CommittedTotal(56 * Billion, 56 * Billion, OpenEnded: false, CountedDeals: 4, UndisclosedDeals: 1), profile.TotalCommitted);
        Assert.Equal("$56B", profile.TotalCommitted.ToString());
        var umbrella = Assert.Single(profile.Commitments, c => !c.IsCounted);
        Assert.Equal("SoftBank–OpenAI AI partnership", umbrella.Deal.Title);
        Assert.Equal(AmountRange.AtLeast(40 * Billion), umbrella.Commitment);
        Assert.Equal(5, profile.Commitments.Count);
    }

    [Fact]
    public async Task GetProfileAsync_SoftBank_CommittedByYearCountsTheUnionInTheWiderDealsYear()
    {
        await using var database = await TestDatabase.CreateSeededAsync();

        var profile = await Profiles(database).GetProfileAsync("softbank", Token);

        Assert.Equal(
            [new CommittedInYear(2017, 16 * Billion, 16 * Billion), new CommittedInYear(2025, 40 * Billion, 40 * Billion)],
            profile!.CommittedByYear);
    }

    [Fact]
    public async Task GetProfileAsync_InvestorInTheUmbrellaOnly_CountsTheUmbrella()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        await using (var db = await database.CreateContextAsync())
        {
            var microsoft = await db.Organizations.SingleAsync(o => o.Slug == "microsoft", Token);
            var partnership = await db.Deals.SingleAsync(d => d.Title == "SoftBank–OpenAI AI partnership", Token);
            db.DealParticipants.Add(new DealParticipant
            {
                DealId = partnership.Id,
                OrganizationId = microsoft.Id,
                Role = ParticipantRole.Partner,
                Commitment = AmountRange.Exact(2 * Billion),
            });
            await db.SaveChangesAsync(Token);
        }

        var profile = await Profiles(database).GetProfileAsync("microsoft", Token);

        // Microsoft takes no part in the umbrella's parts, so nothing else counts its $2B.
        Assert.All(profile!.Commitments, c => Assert.True(c.IsCounted));
        Assert.Equal(new CommittedTotal(2 * Billion, 2 * Billion, false, 2, 1), profile.TotalCommitted);
    }

    [Fact]
    public async Task GetProfileAsync_PartNestedUnderAnotherOrganizationsDeal_CountsTheTopOnlyBeyondIt()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        await using (var db = await database.CreateContextAsync())
        {
            var organizations = await db.Organizations.ToDictionaryAsync(o => o.Slug, Token);
            var top = NewDeal("Nvidia AI programme", organizations["nvidia"], AmountRange.Exact(10 * Billion));
            var middle = NewDeal("DeepSeek tranche", organizations["deepseek"], AmountRange.Exact(6 * Billion));
            var bottom = NewDeal("Nvidia chips tranche", organizations["nvidia"], AmountRange.Exact(4 * Billion));
            middle.PartOf.Add(new DealLink { Wider = top });
            bottom.PartOf.Add(new DealLink { Wider = middle });
            db.Deals.AddRange(top, middle, bottom);
            await db.SaveChangesAsync(Token);
        }

        var profile = await Profiles(database).GetProfileAsync("nvidia", Token);

        // The $4B tranche is under the $10B programme through DeepSeek's tranche: the programme adds only $6B beyond it.
        Assert.Equal(["Nvidia chips tranche"], profile!.Commitments.Where(c => c.IsCounted).Select(c => c.Deal.Title));
        Assert.Equal(new CommittedTotal(10 * Billion, 10 * Billion, false, 1, 0), profile.TotalCommitted);
    }

    [Fact]
    public async Task GetProfileAsync_OpenAi_ShowsAliasesValuationDealsIntoItAndEvents()
    {
        var book = SeedData.ReadDealBook();
        var dealsIntoOpenAi = book.Objects("deals").Where(d => d.Text("target") == "openai").Select(d => d.Text("title")).Order(StringComparer.Ordinal).ToList();
        var events = book.Objects("marketEvents")
            .Where(e => e["organizations"]!.AsArray().Any(o => o!.GetValue<string>() == "openai"))
            .Select(e => e.Text("title")).Order(StringComparer.Ordinal).ToList();
        await using var database = await TestDatabase.CreateSeededAsync();

        var profile = await Profiles(database).GetProfileAsync("openai", Token);

        Assert.NotNull(profile);
        Assert.Equal("OpenAI", profile.Name);
        Assert.Equal(OrganizationType.Company, profile.Type);
        Assert.Equal("US", profile.Country);
        Assert.Equal("https://openai.com", profile.Website);
        Assert.Equal(2015, profile.FoundedYear);
        Assert.Equal(["OpenAI, Inc."], profile.Aliases);
        var valuation = Assert.Single(profile.Valuations);
        Assert.Equal(157 * Billion, valuation.Amount);
        Assert.Equal(PartialDate.Month(2024, 10), valuation.AsOf);
        Assert.Equal(ValuationKind.PostMoney, valuation.Kind);
        Assert.Equal(dealsIntoOpenAi, profile.DealsAsTarget.Select(d => d.Deal.Title).Order(StringComparer.Ordinal));
        Assert.Single(profile.DealsAsTarget, d => d.IsUmbrella);
        Assert.Equal(events, profile.MarketEvents.Select(e => e.Title).Order(StringComparer.Ordinal));
        Assert.Contains(profile.Citations, c => c.Quote.Contains("in talks to invest up to $25 billion", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetProfileAsync_SeveralValuations_OldestFirstForTheChart()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        await using (var db = await database.CreateContextAsync())
        {
            var openAi = await db.Organizations.SingleAsync(o => o.Slug == "openai", Token);
            db.Valuations.AddRange(
                new Valuation { OrganizationId = openAi.Id, AsOfDate = PartialDate.Month(2025, 3), Amount = 300 * Billion, Kind = ValuationKind.PostMoney },
                new Valuation { OrganizationId = openAi.Id, AsOfDate = PartialDate.Month(2023, 4), Amount = 29 * Billion, Kind = ValuationKind.Estimate });
            await db.SaveChangesAsync(Token);
        }

        var profile = await Profiles(database).GetProfileAsync("openai", Token);

        Assert.Equal([29 * Billion, 157 * Billion, 300 * Billion], profile!.Valuations.Select(v => v.Amount));
    }

    [Fact]
    public async Task GetProfileAsync_TargetOnly_HasNoCommitments()
    {
        await using var database = await TestDatabase.CreateSeededAsync();

        var profile = await Profiles(database).GetProfileAsync("wework", Token);

        Assert.Empty(profile!.Commitments);
        Assert.Empty(profile.CommittedByYear);
        Assert.Equal(new CommittedTotal(0, 0, false, 0, 0), profile.TotalCommitted);
        Assert.Equal([new OrganizationRef("SoftBank Group", "softbank")], Assert.Single(profile.DealsAsTarget).Investors);
        Assert.Empty(profile.Valuations);
    }

    [Fact]
    public async Task GetProfileAsync_UnknownSlug_ReturnsNull()
    {
        await using var database = await TestDatabase.CreateSeededAsync();

        Assert.Null(await Profiles(database).GetProfileAsync("no-such-organization", Token));
    }

    [Theory]
    [InlineData(46, 56, false, "$46B–$56B")]
    [InlineData(16, 16, false, "$16B")]
    [InlineData(40, 40, true, "more than $40B")]
    [InlineData(0, 0, false, "undisclosed")]
    public void CommittedTotal_ToString_ReadsAsAFigure(long low, long high, bool openEnded, string expected) =>
        Assert.Equal(expected, new CommittedTotal(low * Billion, high * Billion, openEnded, 1, 0).ToString());

    private static OrganizationProfileQueries Profiles(TestDatabase database) => new(database.Contexts);

    private static Deal NewDeal(string title, Organization investor, AmountRange amount) => new()
    {
        Title = title,
        Kind = DealKind.Partnership,
        Status = DealStatus.Announced,
        Amount = amount,
        Announced = PartialDate.Year(2025),
        Participants = [new DealParticipant { Organization = investor, Role = ParticipantRole.Lead, Commitment = amount }],
    };
}
