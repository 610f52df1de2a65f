using AiDeals.Core.Domain;
using AiDeals.Core.Features;
using AiDeals.Core.Features.Deals;
using AiDeals.Core.Features.History;
using AiDeals.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Tests;

/// <summary><see cref="DealDetailQueries.GetDetailAsync"/> on the article's deal book.</summary>
public class DealDetailTests
{
    private const string Partnership = "SoftBank–OpenAI AI partnership";
    private const string Equity = "SoftBank direct investment in OpenAI";
    private const string StargateCommitment = "SoftBank commitment to Stargate";
    private const string StargateProject = "Stargate AI data-center project";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetDetailAsync_Umbrella_ListsItsPartsWithTheirAmounts()
    {
        await using var database = await TestDatabase.CreateSeededAsync();

        var detail = await database.DealDetails.GetDetailAsync(await IdOfAsync(database, Partnership), Token);

        Assert.NotNull(detail);
        Assert.True(detail.IsUmbrella);
        Assert.Empty(detail.PartOf);
        Assert.Equal("more than $40B", detail.Amount.ToString());
        // Both parts were announced in January 2025, so they are listed by title.
        Assert.Equal(
            [(StargateCommitment, "$15B"), (Equity, "$15B–$25B")],
            detail.Parts.Select(c => (c.Title, c.Amount.ToString())));
        Assert.All(detail.Parts, c => Assert.Equal(DealStatus.InTalks, c.Status));
        // More than $40B over parts of $30B–$40B: the union counts $40B–$40B, of which $10B (low end only) is unattributed.
        Assert.Equal((40 * 1_000_000_000L, 40 * 1_000_000_000L), (detail.Counted!.Total.Low, detail.Counted.Total.High));
        Assert.Equal((10 * 1_000_000_000L, 0L), (detail.Counted.UnattributedLow, detail.Counted.UnattributedHigh));
    }

    [Fact]
    public async Task GetDetailAsync_Part_LinksToItsUmbrellaAndCarriesItsQuotes()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var partnershipId = await IdOfAsync(database, Partnership);

        var detail = await database.DealDetails.GetDetailAsync(await IdOfAsync(database, Equity), Token);

        Assert.NotNull(detail);
        Assert.Equal([new DealRef(partnershipId, Partnership)], detail.PartOf);
        Assert.Empty(detail.Parts);
        Assert.Null(detail.Counted);
        Assert.Equal(DealKind.EquityInvestment, detail.Kind);
        Assert.Equal(AmountRange.Between(15_000_000_000, 25_000_000_000), detail.Amount);
        Assert.Equal(PartialDate.Month(2025, 1), detail.Announced);
        Assert.Null(detail.Closed);
        Assert.Equal(new OrganizationRef("OpenAI", "openai"), detail.Target);
        Assert.Equal(2, detail.Citations.Count);
        Assert.Contains(detail.Citations, c => c.Quote.Contains("in talks to invest up to $25 billion", StringComparison.Ordinal));
        Assert.Contains(detail.Citations, c => c.Quote.Contains("$15 billion to $25 billion directly into OpenAI", StringComparison.Ordinal));
        Assert.All(detail.Citations, c =>
        {
            Assert.Equal("SoftBank Plans $25 Billion OpenAI Investment", c.SourceTitle);
            Assert.Equal(new DateOnly(2025, 1, 31), c.PublishedOn);
        });
    }

    [Fact]
    public async Task GetDetailAsync_StargateProject_ListsParticipantsWithRoleAndCommitment()
    {
        await using var database = await TestDatabase.CreateSeededAsync();

        var detail = await database.DealDetails.GetDetailAsync(await IdOfAsync(database, StargateProject), Token);

        Assert.NotNull(detail);
        Assert.Equal(new OrganizationRef("Stargate", "stargate"), detail.Target);
        Assert.Equal(
            [
                new ParticipantView(new OrganizationRef("OpenAI", "openai"), ParticipantRole.Backer, AmountRange.Undisclosed),
                new ParticipantView(new OrganizationRef("SoftBank Group", "softbank"), ParticipantRole.Backer, AmountRange.Undisclosed),
            ],
            detail.Participants);
        Assert.Equal(PartialDate.Day(2025, 1, 21), detail.Announced);
    }

    [Fact]
    public async Task GetDetailAsync_Participants_LeadComesBeforeBackers()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var equityId = await IdOfAsync(database, Equity);
        await using (var db = await database.CreateContextAsync())
        {
            var microsoft = await db.Organizations.SingleAsync(o => o.Slug == "microsoft", Token);
            db.DealParticipants.Add(new DealParticipant { DealId = equityId, OrganizationId = microsoft.Id, Role = ParticipantRole.Backer });
            await db.SaveChangesAsync(Token);
        }

        var detail = await database.DealDetails.GetDetailAsync(equityId, Token);

        // Alphabetically "Backer" would come first; a lead is listed first.
        Assert.Equal([ParticipantRole.Lead, ParticipantRole.Backer], detail!.Participants.Select(p => p.Role));
        Assert.Equal(["softbank", "microsoft"], detail.Participants.Select(p => p.Organization.Slug));
    }

    [Fact]
    public async Task GetDetailAsync_DealIntoOpenAi_ListsEventsInvolvingTheTargetOrParticipants()
    {
        var book = SeedData.ReadDealBook();
        var expected = book.Objects("marketEvents")
            .Where(e => e["organizations"]!.AsArray().Any(o => o!.GetValue<string>() is "openai" or "softbank"))
            .Select(e => e.Text("title"))
            .Order(StringComparer.Ordinal)
            .ToList();
        await using var database = await TestDatabase.CreateSeededAsync();

        var detail = await database.DealDetails.GetDetailAsync(await IdOfAsync(database, Equity), Token);

        Assert.Equal(3, expected.Count);
        Assert.Equal(expected, detail!.MarketEvents.Select(e => e.Title).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(detail.MarketEvents, e => e.Title.Contains("Nvidia", StringComparison.Ordinal));
        Assert.Equal(detail.MarketEvents.OrderByDescending(e => e.Occurred.Date).Select(e => e.Id), detail.MarketEvents.Select(e => e.Id));
    }

    [Fact]
    public async Task GetDetailAsync_ValuationFromTheDeal_IsListed()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var equityId = await IdOfAsync(database, Equity);
        await using (var db = await database.CreateContextAsync())
        {
            var openAi = await db.Organizations.SingleAsync(o => o.Slug == "openai", Token);
            db.Valuations.Add(new Valuation
            {
                OrganizationId = openAi.Id,
                AsOfDate = PartialDate.Month(2025, 3),
                Amount = 300_000_000_000,
                Kind = ValuationKind.PostMoney,
                DealId = equityId,
            });
            await db.SaveChangesAsync(Token);
        }

        var equity = await database.DealDetails.GetDetailAsync(equityId, Token);
        var partnership = await database.DealDetails.GetDetailAsync(await IdOfAsync(database, Partnership), Token);

        var valuation = Assert.Single(equity!.Valuations);
        Assert.Equal(300_000_000_000, valuation.Amount);
        Assert.Equal(new DealRef(equityId, Equity), valuation.Deal);
        Assert.Equal(new OrganizationRef("OpenAI", "openai"), valuation.Organization);

        // The article's $157B valuation is tied to no deal, so no deal lists it.
        Assert.Empty(partnership!.Valuations);
    }

    [Fact]
    public async Task GetDetailAsync_DeletedParticipant_LeavesTheDealButStaysInItsHistory()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var stargateId = await IdOfAsync(database, StargateProject);
        int removedId;
        await using (var db = await database.CreateContextAsync())
        {
            db.ActFor("analyst@example.com", reason: null);
            var openAi = await db.DealParticipants.SingleAsync(p => p.DealId == stargateId && p.Organization!.Slug == "openai", Token);
            removedId = openAi.Id;
            db.DealParticipants.Remove(openAi);
            await db.SaveChangesAsync(Token);
        }

        var detail = await database.DealDetails.GetDetailAsync(stargateId, Token);

        Assert.Equal(["softbank"], detail!.Participants.Select(p => p.Organization.Slug));
        Assert.Contains(new AuditedRecord(nameof(DealParticipant), removedId, "Participant OpenAI"), detail.AuditedRecords);
        Assert.Contains(new AuditedRecord(nameof(Deal), stargateId, "Deal"), detail.AuditedRecords);
        Assert.Equal(2, detail.AuditedRecords.Count(r => r.EntityType == nameof(Citation)));

        var history = await new HistoryQueries(database.Contexts)
            .ListForAsync(detail.AuditedRecords.Select(r => (r.EntityType, r.Id)).ToList(), Token);
        var deletion = history[0];
        Assert.Equal(AuditAction.Deleted, deletion.Action);
        Assert.Equal("analyst@example.com", deletion.User);
        Assert.Equal((nameof(DealParticipant), removedId.ToString(System.Globalization.CultureInfo.InvariantCulture)), (deletion.EntityType, deletion.EntityId));
        Assert.Contains(history, h => h.Action == AuditAction.Created && h.EntityType == nameof(Deal));
    }

    [Fact]
    public async Task GetDetailAsync_UnknownId_ReturnsNull()
    {
        await using var database = await TestDatabase.CreateSeededAsync();

        Assert.Null(await database.DealDetails.GetDetailAsync(987_654, Token));
    }

    [Fact]
    public async Task GetDetailAsync_DeletedDeal_ReturnsNull()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var wework = await IdOfAsync(database, "SoftBank investment in WeWork");
        await using (var db = await database.CreateContextAsync())
        {
            db.Deals.Remove(await db.Deals.SingleAsync(d => d.Id == wework, Token));
            await db.SaveChangesAsync(Token);
        }

        Assert.Null(await database.DealDetails.GetDetailAsync(wework, Token));
    }

    internal static async Task<int> IdOfAsync(TestDatabase database, string title)
    {
        await using var db = await database.CreateContextAsync();
        return await db.Deals.Where(d => d.Title == title).Select(d => d.Id).SingleAsync(Token);
    }
}
