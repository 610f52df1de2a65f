using AiDeals.Core.Data.Seeding;
using AiDeals.Core.Domain;
using AiDeals.Core.Features.Accounts;
using AiDeals.Core.Features.Dashboard;
using AiDeals.Core.Features.Intake;
using AiDeals.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Tests.Intake;

/// <summary>
/// Accepting an article's proposals: through the editors' commands, one audited batch, the source once; into an empty
/// database the seed article gives the seeded dashboard's figures; a rejected card is not saved; a deal already stored
/// is offered as its update, never as a duplicate.
/// </summary>
public sealed class IntakeAcceptanceTests
{
    private static readonly Actor Analyst = Actor.Create("ann@aideals.local", Roles.Analyst);
    private static readonly Actor Viewer = Actor.Create("vic@aideals.local", Roles.Viewer);
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AcceptAll_IntoAnEmptyDatabase_GivesTheSeededDashboardsFigures()
    {
        await using var seeded = await TestDatabase.CreateSeededAsync();
        await using var empty = await TestDatabase.CreateAsync();
        var intake = Intake(empty);
        var proposals = await intake.ReadAsync(Article(), Token);
        proposals.ToList().ForEach(p => p.Decision = ProposalDecision.Accepted);

        var result = await intake.AcceptAsync(Analyst, Article(), proposals, Token);

        Assert.True(result.Saved, string.Join("; ", result.Problems));
        var expected = await seeded.Dashboard.GetSummaryAsync(Token);
        var actual = await empty.Dashboard.GetSummaryAsync(Token);
        Assert.Equal((expected.Capital.Low, expected.Capital.High, expected.Capital.OpenEnded), (actual.Capital.Low, actual.Capital.High, actual.Capital.OpenEnded));
        Assert.Equal(expected.LargestDeal!.Amount, actual.LargestDeal!.Amount);
        Assert.Equal(expected.LatestValuation!.Amount, actual.LatestValuation!.Amount);
        Assert.Equal(Figures(expected.CapitalByInvestor), Figures(actual.CapitalByInvestor));

        // The one deal the article gives no figure for (Microsoft's backing of OpenAI) is not proposed.
        var book = System.Text.Json.JsonSerializer.Deserialize<DealBook>(File.ReadAllText(SeedData.DealBookPath), DealBookJson.Read)!;
        Assert.Equal(book.Deals!.Count(d => d.Amount is { Qualifier: not AmountQualifier.Undisclosed }), actual.DealCount);
    }

    [Fact]
    public async Task Accept_IsOneAuditedBatch_WithTheSourceOnce_AndEveryDealCitingItsQuotes()
    {
        await using var database = await TestDatabase.CreateAsync();
        var intake = Intake(database);
        var proposals = await intake.ReadAsync(Article(), Token);
        proposals.ToList().ForEach(p => p.Decision = ProposalDecision.Accepted);

        var result = await intake.AcceptAsync(Analyst, Article(), proposals, Token);

        await using var db = await database.CreateContextAsync();
        Assert.Equal([result.Batch], await db.AuditEntries.Select(a => a.Batch).Distinct().ToListAsync(Token));
        Assert.StartsWith("News intake: SoftBank Plans $25 Billion OpenAI Investment", result.Batch, StringComparison.Ordinal);
        var source = Assert.Single(await db.Sources.ToListAsync(Token));
        var deals = await db.Deals.Include(d => d.Citations).ToListAsync(Token);
        Assert.Equal(proposals.Count(p => p.Kind == ProposalKind.Deal), deals.Count);
        Assert.All(deals, d => Assert.NotEmpty(d.Citations));
        Assert.All(deals.SelectMany(d => d.Citations), c => Assert.Equal(source.Id, c.SourceId));
        Assert.Equal(1, await db.Valuations.CountAsync(v => v.Citations.Any(), Token));
        Assert.Equal(result.Created, deals.Count + await db.Valuations.CountAsync(Token) + await db.MarketEvents.CountAsync(Token));
    }

    [Fact]
    public async Task Accept_LeavesOutRejectedAndUndecidedCards()
    {
        await using var database = await TestDatabase.CreateAsync();
        var intake = Intake(database);
        var proposals = await intake.ReadAsync(Article(), Token);
        var wework = proposals.Single(p => p.Target?.Name == "WeWork");
        proposals.ToList().ForEach(p => p.Decision = p == wework ? ProposalDecision.Rejected : ProposalDecision.Accepted);
        proposals.First(p => p.Kind == ProposalKind.MarketEvent).Decision = ProposalDecision.Undecided;

        var result = await intake.AcceptAsync(Analyst, Article(), proposals, Token);

        Assert.True(result.Saved);
        await using var db = await database.CreateContextAsync();
        Assert.False(await db.Organizations.AnyAsync(o => o.Name == "WeWork", Token));
        Assert.False(await db.Deals.AnyAsync(d => d.Target!.Name == "WeWork", Token));
        Assert.Equal(proposals.Count(p => p.Kind == ProposalKind.MarketEvent) - 1, await db.MarketEvents.CountAsync(Token));
    }

    [Fact]
    public async Task Read_InTheSeededDatabase_OffersEveryStoredDealAsAnUpdate_AndAcceptingAddsNoDeal()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var intake = Intake(database);
        await using var before = await database.CreateContextAsync();
        var deals = await before.Deals.CountAsync(Token);
        var amounts = await before.Deals.OrderBy(d => d.Id).Select(d => new { d.AmountLow, d.AmountHigh, d.AmountQualifier }).ToListAsync(Token);

        var proposals = await intake.ReadAsync(Article(), Token);

        Assert.All(proposals.Where(p => p.Kind == ProposalKind.Deal), p => Assert.NotNull(p.Existing));
        Assert.Equal(proposals.Count(p => p.Kind == ProposalKind.Deal), proposals.Select(p => p.Existing?.Id).OfType<int>().Distinct().Count());
        var partnership = proposals.Single(p => p.DealKind == DealKind.Partnership);
        Assert.DoesNotContain(partnership.Existing!.Changes, c => c.Field is "Amount" or "Status");
        proposals.Where(p => p.Kind == ProposalKind.Deal).ToList().ForEach(p => p.Decision = ProposalDecision.Accepted);
        var result = await intake.AcceptAsync(Analyst, Article(), proposals, Token);

        Assert.True(result.Saved, string.Join("; ", result.Problems));
        Assert.Equal(0, result.Created);
        await using var after = await database.CreateContextAsync();
        Assert.Equal(deals, await after.Deals.CountAsync(Token));
        Assert.Equal(1, await after.Sources.CountAsync(Token));
        Assert.Equal(amounts.Select(a => a.ToString()), (await after.Deals.OrderBy(d => d.Id).Select(d => new { d.AmountLow, d.AmountHigh, d.AmountQualifier }).ToListAsync(Token)).Select(a => a.ToString()));
    }

    [Fact]
    public async Task Accept_ByAViewer_IsRefused_AndWritesNothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        var intake = Intake(database);
        var proposals = await intake.ReadAsync(Article(), Token);
        proposals.ToList().ForEach(p => p.Decision = ProposalDecision.Accepted);

        var result = await intake.AcceptAsync(Viewer, Article(), proposals, Token);

        Assert.False(result.Saved);
        Assert.Contains(result.Problems, p => p.Message.Contains("analysts", StringComparison.Ordinal));
        await using var db = await database.CreateContextAsync();
        Assert.Equal(0, await db.AuditEntries.CountAsync(Token));
    }

    private static IntakeService Intake(TestDatabase database) => database.Intake;

    private static IntakeArticle Article() =>
        new(File.ReadAllText(SeedData.ArticlePath), "SoftBank Plans $25 Billion OpenAI Investment", null, null, new DateOnly(2025, 1, 31));

    private static List<string> Figures(IEnumerable<InvestorCapital> capital) => [.. capital.Select(c => $"{c.Low}-{c.High}-{c.Deals}").Order()];
}
