using AiDeals.Core.Domain;
using AiDeals.Core.Features;
using AiDeals.Core.Features.Accounts;
using AiDeals.Core.Features.Deals;
using AiDeals.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Tests;

/// <summary>
/// The union rule on hand-made graphs of deals, through both ways it is read: the dashboard (kept sums, the wider deals
/// found off the links' index) and the deal list's total (summed by SQL, the wider deals found by probing each deal).
/// Figures are in $B.
/// </summary>
public class UnionTotalsTests
{
    private const long B = 1_000_000_000;

    private static readonly Actor Analyst = Actor.Create("ann@aideals.test", Roles.Analyst);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Total_Chain_EachLevelAddsOnlyBeyondTheOneBelow()
    {
        await using var database = await TestDatabase.CreateAsync();
        var top = await CreateAsync(database, "Top", 100);
        var middle = await CreateAsync(database, "Middle", 60, top);
        await CreateAsync(database, "Bottom", 20, middle);

        // 20 + (60 − 20) + (100 − 60) = 100: the chain is worth its top figure, each dollar once.
        await AssertTotalAsync(database, low: 100, high: 100, unattributed: 80);
    }

    [Fact]
    public async Task Total_Diamond_SharedPartCountsOnce()
    {
        await using var database = await TestDatabase.CreateAsync();
        var first = await CreateAsync(database, "Partnership", 50);
        var second = await CreateAsync(database, "Project", 30);
        await CreateAsync(database, "Shared commitment", 20, first, second);

        // 20 once, then 50 − 20 and 30 − 20 beyond it: 60, where adding every figure would say 100.
        await AssertTotalAsync(database, low: 60, high: 60, unattributed: 40);
    }

    [Fact]
    public async Task Total_NestedWiderDealsOverOneSharedPart_TopCountsItsDistinctPartsOnce()
    {
        await using var database = await TestDatabase.CreateAsync();
        var top = await CreateAsync(database, "Programme", 100);
        var left = await CreateAsync(database, "Left tranche", 40, top);
        var right = await CreateAsync(database, "Right tranche", 40, top);
        await CreateAsync(database, "Shared part", 30, left, right);

        // The part 30; each tranche 40 − 30 = 10 beyond it; the programme 100 − (30 + 10 + 10) = 50 beyond all three.
        await AssertTotalAsync(database, low: 100, high: 100, unattributed: 70);
    }

    [Fact]
    public async Task Total_WiderDealSmallerThanItsParts_AddsNothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        var wider = await CreateAsync(database, "Announced umbrella", 10);
        await CreateAsync(database, "First part", 8, wider);
        await CreateAsync(database, "Second part", 7, wider);

        await AssertTotalAsync(database, low: 15, high: 15, unattributed: 0);
    }

    [Fact]
    public async Task Total_RangesAndAnOpenEndedWiderDeal_EachEndOnItsOwn()
    {
        await using var database = await TestDatabase.CreateAsync();
        var wider = await CreateAsync(database, "More than 40", AmountRange.AtLeast(40 * B));
        await CreateAsync(database, "Equity", AmountRange.Between(15 * B, 25 * B), wider);
        await CreateAsync(database, "Commitment", AmountRange.Exact(15 * B), wider);

        // Low: 15 + 15 + (40 − 30) = 40; high: 25 + 15 + max(0, 40 − 40) = 40. Its "more than" is its parts' to carry.
        var total = await AssertTotalAsync(database, low: 40, high: 40, unattributed: 10, unattributedHigh: 0);
        Assert.False(total.OpenEnded);
    }

    [Fact]
    public async Task Total_UndisclosedAmounts_CountNothingAndWiderDealsOverThemCountInFull()
    {
        await using var database = await TestDatabase.CreateAsync();
        var undisclosedWider = await CreateAsync(database, "Undisclosed programme", AmountRange.Undisclosed);
        await CreateAsync(database, "Disclosed part", 5, undisclosedWider);
        var wider = await CreateAsync(database, "Disclosed programme", 20);
        await CreateAsync(database, "Undisclosed part", AmountRange.Undisclosed, wider);

        // 5, plus nothing beyond it; 20 over a part of no known figure: all 20. Neither wider deal changes what it
        // counts, so all four count as deals in full.
        var total = await AssertTotalAsync(database, low: 25, high: 25, unattributed: 0);
        Assert.Equal((4, 2, 0), (total.CountedInFull, total.Undisclosed, total.WiderDeals));
    }

    [Fact]
    public async Task Total_LinkRemovedOrPartDeleted_WiderDealCountsInFullAgainAndTheLinkIsAudited()
    {
        await using var database = await TestDatabase.CreateAsync();
        var wider = await CreateAsync(database, "Partnership", 50);
        var part = await CreateAsync(database, "Tranche", 20, wider);
        var other = await CreateAsync(database, "Other tranche", 10, wider);
        await AssertTotalAsync(database, low: 50, high: 50, unattributed: 20);

        var form = (await database.DealForms.GetFormAsync(part, Token))!;
        form.PartOfIds = [];
        await SaveAsync(database, new UpdateDeal(form));
        // The tranche stands alone: 20 + 10 + (50 − 10).
        await AssertTotalAsync(database, low: 70, high: 70, unattributed: 40);

        form = (await database.DealForms.GetFormAsync(other, Token))!;
        await SaveAsync(database, new DeleteDeal(other, form.Version));
        await AssertTotalAsync(database, low: 70, high: 70, unattributed: 0);

        await SaveAsync(database, new RestoreDeal(other));
        await AssertTotalAsync(database, low: 70, high: 70, unattributed: 40);

        await using var db = await database.CreateContextAsync();
        var linkAudits = await db.AuditEntries.Where(a => a.EntityType == nameof(DealLink))
            .OrderBy(a => a.Id).Select(a => new { a.Action, a.User }).ToListAsync(Token);
        Assert.Equal(
            [AuditAction.Created, AuditAction.Created, AuditAction.Deleted, AuditAction.Deleted, AuditAction.Restored],
            linkAudits.Select(a => a.Action));
        Assert.All(linkAudits, a => Assert.Equal(Analyst.UserName, a.User));
    }

    [Fact]
    public async Task Total_DealListFilter_CountsOnlyTheDealsItShows()
    {
        await using var database = await TestDatabase.CreateAsync();
        var wider = await CreateAsync(database, "Partnership", 50);
        await CreateAsync(database, "Tranche", 20, wider);

        // The partnership alone: its part is not in view, so nothing is taken from its figure.
        var total = await database.Deals.TotalAsync(new DealFilter { Text = "Partnership" }, Token);

        Assert.Equal((50 * B, 50 * B, 0), (total!.Low, total.High, total.WiderDeals));
    }

    private static async Task<UnionTotal> AssertTotalAsync(
        TestDatabase database, long low, long high, long unattributed, long? unattributedHigh = null)
    {
        var listed = await database.Deals.TotalAsync(new DealFilter(), Token);
        var capital = (await database.Dashboard.GetSummaryAsync(Token)).Capital;

        Assert.NotNull(listed);
        Assert.Equal((low * B, high * B), (listed.Low, listed.High));
        Assert.Equal((unattributed * B, (unattributedHigh ?? unattributed) * B), (listed.UnattributedLow, listed.UnattributedHigh));
        Assert.Equal(
            (listed.Low, listed.High, listed.OpenEnded, listed.CountedInFull, listed.Undisclosed, listed.UnattributedLow, listed.UnattributedHigh, listed.WiderDeals),
            (capital.Low, capital.High, capital.OpenEnded, capital.LeafDeals, capital.UndisclosedDeals, capital.UnattributedLow, capital.UnattributedHigh, capital.WiderDeals));
        await AggregateCheck.AssertMatchRecomputationAsync(database, "the graph");
        return listed;
    }

    private static Task<int> CreateAsync(TestDatabase database, string title, long billions, params int[] partOf) =>
        CreateAsync(database, title, AmountRange.Exact(billions * B), partOf);

    private static Task<int> CreateAsync(TestDatabase database, string title, AmountRange amount, params int[] partOf) =>
        SaveAsync(database, new CreateDeal(new DealForm
        {
            Title = title,
            Kind = DealKind.Partnership,
            Status = DealStatus.Announced,
            AmountLow = amount.Low,
            AmountHigh = amount.High,
            AmountQualifier = amount.Qualifier,
            PartOfIds = [.. partOf],
        }));

    private static async Task<int> SaveAsync(TestDatabase database, Command command)
    {
        var result = await database.Commands.RunAsync(Analyst, command, Token);
        Assert.True(result.IsSaved, $"{command.GetType().Name}: {result.Outcome} {string.Join("; ", result.Errors.SelectMany(e => e.Value))}");
        return result.Id ?? 0;
    }
}
