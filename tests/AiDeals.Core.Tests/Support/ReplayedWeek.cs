using AiDeals.Core.Domain;
using AiDeals.Core.Features;
using AiDeals.Core.Features.Accounts;
using AiDeals.Core.Features.Deals;
using AiDeals.Core.Features.Organizations;
using static AiDeals.Core.Tests.Support.DealFixtures;

namespace AiDeals.Core.Tests.Support;

/// <summary>
/// A week of saves on the article's deal book, for the tests of what the database said on a past day: seeded on
/// <see cref="Seeded"/>; the next day an edit and a new deal; then a participant swapped, an organization renamed and the
/// new deal made part of Stargate; a delete; two days later a restore and a merge; the next day the link removed. After
/// each day's saves the evening callback reads what the pages showed that day.
/// </summary>
internal sealed class ReplayedWeek
{
    public static readonly DateOnly Seeded = new(2025, 1, 6);

    public static readonly Actor Analyst = Actor.Create("ann@aideals.test", Roles.Analyst);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>The deal created on the first day after the seeding (0 before it).</summary>
    public int Created { get; private set; }

    public int Equity { get; private init; }

    public int Stargate { get; private init; }

    /// <summary>The day the new deal became part of Stargate, the day it was restored, the last day.</summary>
    public DateOnly LinkedDay { get; private set; }

    public DateOnly RestoredDay { get; private set; }

    public DateOnly LastDay { get; private set; }

    /// <summary>Midday of the day, so a save and its day agree whatever the zone.</summary>
    public static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);

    /// <summary>Seeds <paramref name="database"/> (its clock is <paramref name="clock"/>) and replays the week.</summary>
    public static async Task<ReplayedWeek> RunAsync(TestDatabase database, FixedClock clock, Func<ReplayedWeek, DateOnly, Task> evening)
    {
        clock.Now = At(Seeded);
        await database.Initializer.InitializeAsync(SeedData.DealBookPath, Token);
        var week = new ReplayedWeek { Equity = await IdOfAsync(database, DealFixtures.Equity), Stargate = await IdOfAsync(database, StargateProject) };

        async Task SaveAsync(DateOnly day, Command command)
        {
            clock.Now = At(day);
            var result = await database.Commands.RunAsync(Analyst, command, Token);
            Assert.True(result.IsSaved, $"{day}: {command.GetType().Name}: {result.Outcome} {string.Join("; ", result.Errors.Select(e => e.Key + " " + string.Join(",", e.Value)))}");
            week.Created = command is CreateDeal ? result.Id!.Value : week.Created;
        }

        await evening(week, Seeded);

        var day = Seeded.AddDays(1);
        var form = await FormOfAsync(database, DealFixtures.Equity);
        form.AmountLow = 20_000_000_000;
        form.Status = DealStatus.Completed;
        form.Notes = "Confirmed by a filing.";
        await SaveAsync(day, new UpdateDeal(form));
        await SaveAsync(day, new CreateDeal(await NewFormAsync(database)));
        await evening(week, day);

        day = day.AddDays(1);
        form = await FormOfAsync(database, StargateProject);
        form.Participants.RemoveAt(0);
        form.Participants.Add(new ParticipantForm { OrganizationId = await OrganizationIdAsync(database, "Nvidia"), Role = ParticipantRole.Backer, CommitmentLow = 1_000_000_000, CommitmentHigh = 1_000_000_000, CommitmentQualifier = AmountQualifier.Exact });
        await SaveAsync(day, new UpdateDeal(form));
        var nvidia = (await new OrganizationQueries(database.Contexts).GetFormAsync(await OrganizationIdAsync(database, "Nvidia"), Token))!;
        nvidia.Name = "Nvidia Group";
        await SaveAsync(day, new UpdateOrganization(nvidia));
        // The new deal is now reported in euros: its currency, reported figures and rate change with its dollars.
        var inEuros = (await database.DealForms.GetFormAsync(week.Created, Token))!;
        (inEuros.Currency, inEuros.AmountLow, inEuros.AmountHigh, inEuros.AmountQualifier) = ("EUR", 600_000_000, 600_000_000, AmountQualifier.Exact);
        await SaveAsync(day, new UpdateDeal(inEuros));
        var linking = (await database.DealForms.GetFormAsync(week.Created, Token))!;
        linking.PartOfIds = [week.Stargate];
        await SaveAsync(day, new UpdateDeal(linking));
        week.LinkedDay = day;
        await evening(week, day);

        day = day.AddDays(1);
        var stale = (await database.DealForms.GetFormAsync(week.Created, Token))!;
        await SaveAsync(day, new DeleteDeal(week.Created, stale.Version));
        await evening(week, day);

        day = day.AddDays(2);
        await SaveAsync(day, new RestoreDeal(week.Created));
        await SaveAsync(day, new MergeOrganizations(await OrganizationIdAsync(database, "Microsoft"), await OrganizationIdAsync(database, "Nvidia Group")));
        week.RestoredDay = day;
        await evening(week, day);

        // Restored with its link; the next day it leaves Stargate.
        day = day.AddDays(1);
        var unlinking = (await database.DealForms.GetFormAsync(week.Created, Token))!;
        Assert.Equal([week.Stargate], unlinking.PartOfIds);
        unlinking.PartOfIds = [];
        await SaveAsync(day, new UpdateDeal(unlinking));
        week.LastDay = day;
        await evening(week, day);
        return week;
    }
}
