using System.Text.Json;
using AiDeals.Core.Domain;
using AiDeals.Core.Features;
using AiDeals.Core.Features.Accounts;
using AiDeals.Core.Features.Deals;
using AiDeals.Core.Features.History;
using AiDeals.Core.Features.Organizations;
using AiDeals.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static AiDeals.Core.Tests.Support.DealFixtures;

namespace AiDeals.Core.Tests.History;

/// <summary>
/// The dashboard and the deal list as of a past day: the saves of <see cref="ReplayedWeek"/> (an edit, a new deal, a
/// participant swapped, a rename, a link to a wider deal added and removed, a delete, a restore, a merge); every evening
/// the dashboard, its feed and five list views are read as the pages read them; afterwards each past day read through <see cref="PastQueries"/>
/// must be the same, and today's database must be as it was (nothing of the rewinding is kept).
/// </summary>
public sealed class PastQueriesTests
{
    private static readonly Actor Analyst = ReplayedWeek.Analyst;

    private static readonly DateOnly Seeded = ReplayedWeek.Seeded;

    private static readonly DealPageRequest FirstPage = new() { PageSize = 25 };

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DashboardAndDeals_EveryDayOfAReplayedSequence_ReadAsThePagesReadThemThatDay()
    {
        var clock = new FixedClock(At(Seeded));
        await using var database = await TestDatabase.CreateAsync(clock);
        var past = new PastQueries(database.Contexts);
        var views = new List<DealFilter>();
        var evenings = new Dictionary<DateOnly, string>();

        async Task<string> TodayAsync()
        {
            var lists = new List<object>();
            foreach (var filter in views)
            {
                lists.Add(new PastDeals(await database.Deals.SearchAsync(filter, FirstPage, Token), await database.Deals.CountAsync(filter, Token)));
            }

            return Json(await database.Dashboard.GetSummaryAsync(Token), await database.RecentChanges.ListAsync(8, Token), lists);
        }

        async Task<string> PastAsync(DateOnly day)
        {
            var lists = new List<object>();
            foreach (var filter in views)
            {
                lists.Add(await past.DealsAsync(day, filter, FirstPage, Token));
            }

            var dashboard = await past.DashboardAsync(day, Token);
            return Json(dashboard.Summary, dashboard.Changes, lists);
        }

        var week = await ReplayedWeek.RunAsync(database, clock, async (_, day) =>
        {
            if (views.Count == 0)
            {
                await using var db = await database.CreateContextAsync();
                var microsoft = await db.Organizations.Where(o => o.Name == "Microsoft").Select(o => o.Slug).SingleAsync(Token);
                views.AddRange(
                [
                    new(),
                    new() { Text = "nvidia" },
                    new() { Investors = [microsoft] },
                    new() { Sort = DealSortField.Investors, Descending = false },
                    new() { Statuses = [DealStatus.Completed, DealStatus.Announced], Sort = DealSortField.Amount },
                ]);
            }

            evenings[day] = await TodayAsync();
        });

        var today = evenings[week.LastDay];
        var audits = (await AuditsAsync(database)).Count;
        foreach (var (evening, expected) in evenings)
        {
            Assert.Equal(expected, await PastAsync(evening));
        }

        // The sequence changed what the pages showed (the check is not vacuous), and nothing of the rewinding was kept.
        Assert.Equal(6, evenings.Values.Distinct().Count());
        Assert.Equal(today, await TodayAsync());
        Assert.Equal(audits, (await AuditsAsync(database)).Count);
    }

    [Fact]
    public async Task Save_WhileThePastIsOpen_WaitsForItAndLands()
    {
        var clock = new FixedClock(At(Seeded));
        await using var database = await TestDatabase.CreateAsync(clock);
        await database.Initializer.InitializeAsync(SeedData.DealBookPath, Token);
        var form = await FormOfAsync(database, WeWork);
        form.Notes = "Saved while a past day was read.";
        clock.Now = At(Seeded.AddDays(1));

        Task<CommandResult> save;
        await using (var past = await PastDatabase.OpenAsync(database.Contexts, At(Seeded.AddDays(-1)).UtcDateTime, Token))
        {
            save = Task.Run(() => database.Commands.RunAsync(Analyst, new UpdateDeal(form), Token), Token);
            await Task.Delay(300, Token);
            Assert.False(save.IsCompleted, "The save went through while the past database held the write lock.");
            await using var db = past.CreateDbContext();
            Assert.Equal(0, await db.Deals.CountAsync(Token));
        }

        Assert.True((await save).IsSaved);
        Assert.Equal("Saved while a past day was read.", (await FormOfAsync(database, WeWork)).Notes);
    }

    [Fact]
    public async Task Dashboard_BeforeAnythingWasSaved_IsEmpty()
    {
        var clock = new FixedClock(At(Seeded));
        await using var database = await TestDatabase.CreateAsync(clock);
        await database.Initializer.InitializeAsync(SeedData.DealBookPath, Token);

        var before = await new PastQueries(database.Contexts).DashboardAsync(Seeded.AddDays(-1), Token);
        var deals = await new PastQueries(database.Contexts).DealsAsync(Seeded.AddDays(-1), new DealFilter(), FirstPage, Token);

        Assert.Equal(0, before.Summary.DealCount);
        Assert.Empty(before.Changes);
        Assert.Empty(deals.Page.Items);
        Assert.Equal(0, deals.Count.Value);
        Assert.True((await database.Dashboard.GetSummaryAsync(Token)).DealCount > 0);
    }

    [Fact]
    public async Task Dashboard_OfADayWithMoreChangesSinceThanAViewUndoes_IsRefusedAndLeavesNothingBehind()
    {
        var clock = new FixedClock(At(Seeded));
        await using var database = await TestDatabase.CreateAsync(clock);
        await database.Initializer.InitializeAsync(SeedData.DealBookPath, Token);
        var dealId = await IdOfAsync(database, WeWork);
        await using (var db = await database.CreateContextAsync())
        {
            // As many saves of a deal's notes as a view undoes, and one more, the day after the seeding.
            var later = At(Seeded.AddDays(1)).UtcDateTime;
            db.AuditEntries.AddRange(Enumerable.Range(0, PastDatabase.MaxChanges + 1).Select(i => new AuditEntry
            {
                EntityType = nameof(Deal),
                EntityId = dealId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Action = AuditAction.Updated,
                AtUtc = later,
                User = Analyst.UserName,
                Changes = $$$"""{"Notes":{"old":"note {{{i}}}","new":"note {{{i + 1}}}"}}""",
            }));
            await db.SaveChangesAsync(Token);
        }

        var audits = (await AuditsAsync(database)).Count;

        var refused = await Assert.ThrowsAsync<TooManyChangesException>(() => new PastQueries(database.Contexts).DashboardAsync(Seeded, Token));

        Assert.Equal(PastDatabase.MaxChanges + 1, refused.Changes);
        Assert.Contains("pick a later day", refused.Message, StringComparison.Ordinal);
        Assert.Equal(audits, (await AuditsAsync(database)).Count);
        // A day after them undoes none of them.
        Assert.True((await new PastQueries(database.Contexts).DashboardAsync(Seeded.AddDays(1), Token)).Summary.DealCount > 0);
    }

    private static string Json(object summary, object changes, object lists) =>
        JsonSerializer.Serialize(new { summary, changes, lists });

    private static DateTimeOffset At(DateOnly day) => ReplayedWeek.At(day);
}
