using AiDeals.Core.Domain;
using AiDeals.Core.Features;
using AiDeals.Core.Features.Accounts;
using AiDeals.Core.Features.Deals;
using AiDeals.Core.Features.History;
using AiDeals.Core.Features.Organizations;
using AiDeals.Core.Tests.Support;
using static AiDeals.Core.Tests.Support.DealFixtures;

namespace AiDeals.Core.Tests.History;

/// <summary>
/// Deals as they stood at the end of a past day, rebuilt from the audit: a sequence of edits, deletes, restores, a rename,
/// a merge and a link to a wider deal added and removed, one day each; every day's pages are snapshotted as the deal page
/// read them that day, and afterwards each past day rebuilt must equal its snapshot.
/// </summary>
public sealed class DealAsOfTests
{
    private static readonly Actor Analyst = ReplayedWeek.Analyst;

    private static readonly DateOnly Seeded = ReplayedWeek.Seeded;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetAsync_EveryDayOfAReplayedSequence_IsTheDealAsItsPageShowedItThatDay()
    {
        var clock = new FixedClock(At(Seeded));
        await using var database = await TestDatabase.CreateAsync(clock);
        var asOf = new DealAsOfQueries(database.Contexts);
        var snapshots = new Dictionary<DateOnly, Dictionary<int, IReadOnlyList<(string, string?)>?>>();

        var week = await ReplayedWeek.RunAsync(database, clock, async (week, day) =>
        {
            int[] ids = week.Created == 0 ? [week.Equity, week.Stargate] : [week.Equity, week.Stargate, week.Created];
            snapshots[day] = [];
            foreach (var id in ids)
            {
                snapshots[day][id] = Fields(await database.DealDetails.GetDetailAsync(id, Token));
            }
        });
        var (equity, stargate, created, linkedDay, restoredDay, day) = (week.Equity, week.Stargate, week.Created, week.LinkedDay, week.RestoredDay, week.LastDay);

        foreach (var (snapshotDay, deals) in snapshots)
        {
            foreach (var (id, expected) in deals)
            {
                var rebuilt = await asOf.GetAsync(id, snapshotDay, Token);
                Assert.True(Same(expected, rebuilt?.Fields()), $"Deal {id} on {snapshotDay}: expected {Show(expected)}, rebuilt {Show(rebuilt?.Fields())}");
            }
        }

        // The day before the new deal existed, the days it was deleted (a day with no save between): no deal; restored, it is back.
        Assert.Null(await asOf.GetAsync(created, Seeded, Token));
        Assert.Null(await asOf.GetAsync(created, Seeded.AddDays(3), Token));
        Assert.Null(await asOf.GetAsync(created, Seeded.AddDays(4), Token));
        Assert.NotNull(await asOf.GetAsync(created, Seeded.AddDays(5), Token));
        Assert.Equal(6, snapshots.Count);
        // The link as it stood: on the part's "Part of" (compared above with its page) and among the wider deal's parts.
        var stargateTitle = (await asOf.GetAsync(stargate, linkedDay, Token))!.Title;
        Assert.Equal([stargateTitle], (await asOf.GetAsync(created, linkedDay, Token))!.PartOf.Select(d => d.Title));
        Assert.Contains(created, (await asOf.GetAsync(stargate, linkedDay, Token))!.Parts.Select(d => d.Id));
        Assert.DoesNotContain(created, (await asOf.GetAsync(stargate, Seeded.AddDays(1), Token))!.Parts.Select(d => d.Id));
        Assert.Contains(created, (await asOf.GetAsync(stargate, restoredDay, Token))!.Parts.Select(d => d.Id));
        Assert.DoesNotContain(created, (await asOf.GetAsync(stargate, day, Token))!.Parts.Select(d => d.Id));
        Assert.Empty((await asOf.GetAsync(created, day, Token))!.PartOf);

        // Compared across the days, the link is a change of its part.
        var compare = new DealAsOfQueries(database.Contexts);
        var linked = Assert.Single((await compare.CompareAsync(Seeded.AddDays(1), linkedDay, Token)).Changed, c => c.After.Id == created);
        // (Nvidia, its investor, was renamed that day too.)
        Assert.Contains(new FieldDifference("Part of", null, stargateTitle), linked.Fields);
        var unlinked = Assert.Single((await compare.CompareAsync(restoredDay, day, Token)).Changed, c => c.After.Id == created);
        Assert.Equal([new FieldDifference("Part of", stargateTitle, null)], unlinked.Fields);

        // In dollars the day it was created, in euros (with the rate of then) from the next day on.
        Assert.Equal("$1B–$2.5B", AmountOf((await asOf.GetAsync(created, Seeded.AddDays(1), Token))!));
        Assert.Equal("€600M (≈ $630.78M at the rate of 17 Feb 2025)", AmountOf((await asOf.GetAsync(created, Seeded.AddDays(2), Token))!));
        // The sequence changed what each deal's page showed: the rebuilt days are not all today's.
        Assert.NotEqual(Show(snapshots[Seeded][equity]), Show(snapshots[day][equity]));
        Assert.NotEqual(Show(snapshots[Seeded][stargate]), Show(snapshots[day][stargate]));
    }

    [Fact]
    public async Task CompareAsync_TwoDays_ListsTheDealsAddedRemovedAndChangedFieldByField()
    {
        var clock = new FixedClock(At(Seeded));
        await using var database = await TestDatabase.CreateAsync(clock);
        await database.Initializer.InitializeAsync(SeedData.DealBookPath, Token);
        var form = await FormOfAsync(database, Equity);
        form.Status = DealStatus.Completed;
        clock.Now = At(Seeded.AddDays(1));
        Assert.True((await database.Commands.RunAsync(Analyst, new UpdateDeal(form), Token)).IsSaved);
        var created = (await database.Commands.RunAsync(Analyst, new CreateDeal(await NewFormAsync(database)), Token)).Id!.Value;
        var weWork = await FormOfAsync(database, WeWork);
        clock.Now = At(Seeded.AddDays(2));
        Assert.True((await database.Commands.RunAsync(Analyst, new DeleteDeal(weWork.Id, weWork.Version), Token)).IsSaved);

        var comparison = await new DealAsOfQueries(database.Contexts).CompareAsync(Seeded, Seeded.AddDays(2), Token);

        Assert.Equal([created], comparison.Added.Select(d => d.Id));
        Assert.Equal([WeWork], comparison.Removed.Select(d => d.Title));
        var change = Assert.Single(comparison.Changed);
        Assert.Equal(Equity, change.After.Title);
        Assert.Equal([new FieldDifference("Status", "In talks", "Completed")], change.Fields);

        // Both days the same: nothing between them.
        Assert.True((await new DealAsOfQueries(database.Contexts).CompareAsync(Seeded.AddDays(2), Seeded.AddDays(2), Token)).IsEmpty);
        // Changed and changed back: no difference across the two days.
        form = await FormOfAsync(database, Equity);
        form.Status = DealStatus.InTalks;
        clock.Now = At(Seeded.AddDays(3));
        Assert.True((await database.Commands.RunAsync(Analyst, new UpdateDeal(form), Token)).IsSaved);
        var across = await new DealAsOfQueries(database.Contexts).CompareAsync(Seeded, Seeded.AddDays(3), Token);
        Assert.DoesNotContain(across.Changed, c => c.After.Title == Equity);
    }

    private static DateTimeOffset At(DateOnly day) => ReplayedWeek.At(day);

    // The deal page's fields as the snapshot names them (DealSnapshot.Fields), from the page's own read of the day.
    private static IReadOnlyList<(string, string?)>? Fields(DealDetail? detail) => detail is null
        ? null
        : new DealSnapshot(detail.Id, detail.Title, detail.Kind, detail.Status, detail.Amount, detail.Announced, detail.Closed, detail.Target,
            detail.PartOf, [.. detail.Parts.Select(p => new DealRef(p.Id, p.Title))], detail.Participants, detail.Notes, detail.OutcomeNote) { AsReported = detail.AsReported }.Fields();

    private static string? AmountOf(DealSnapshot deal) => deal.Fields().Single(f => f.Field == "Amount").Value;

    private static bool Same(IReadOnlyList<(string, string?)>? expected, IReadOnlyList<(string, string?)>? actual) =>
        expected is null ? actual is null : actual is not null && expected.SequenceEqual(actual);

    private static string Show(IReadOnlyList<(string Field, string? Value)>? fields) =>
        fields is null ? "(none)" : string.Join(" | ", fields.Select(f => $"{f.Field}={f.Value}"));
}
