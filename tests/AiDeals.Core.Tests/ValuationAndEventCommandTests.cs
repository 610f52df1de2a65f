using System.Globalization;
using AiDeals.Core.Domain;
using AiDeals.Core.Features;
using AiDeals.Core.Features.Accounts;
using AiDeals.Core.Features.MarketEvents;
using AiDeals.Core.Features.Organizations;
using AiDeals.Core.Features.Valuations;
using AiDeals.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Tests;

/// <summary>Recording, correcting, deleting and restoring valuations and market events.</summary>
public class ValuationAndEventCommandTests
{
    private static readonly Actor Analyst = Actor.Create("ann@aideals.local", Roles.Analyst);
    private static readonly Actor OtherAnalyst = Actor.Create("bob@aideals.local", Roles.Analyst);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateValuation_ValidForm_SavesItAtItsPrecision()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var service = new ValuationQueries(database.Contexts);
        var openAi = await IdOfAsync(database, "openai");

        var result = await database.Commands.RunAsync(Analyst, new CreateValuation(new ValuationForm { OrganizationId = openAi, AsOf = "2025-q1", Amount = 300_000_000_000, Kind = ValuationKind.PostMoney }), Token);

        Assert.True(result.IsSaved);
        var stored = (await service.GetFormAsync(result.Id!.Value, Token))!;
        Assert.Equal(("2025-Q1", 300_000_000_000L), (stored.AsOf, stored.Amount!.Value));
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-5L)]
    [InlineData(null)]
    public async Task CreateValuation_AmountNotAboveZero_IsInvalidOnTheAmount(long? amount)
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var form = new ValuationForm { OrganizationId = await IdOfAsync(database, "openai"), AsOf = "2025", Amount = amount };

        var result = await database.Commands.RunAsync(Analyst, new CreateValuation(form), Token);

        Assert.Equal(CommandOutcome.Invalid, result.Outcome);
        Assert.Contains(nameof(ValuationForm.Amount), result.Errors.Keys);
    }

    [Theory]
    [InlineData("", "Give the date of the valuation.")]
    [InlineData("March 2025", "Write the date as 2025-01-27, 2025-01, 2024-Q4 or 2019.")]
    [InlineData("2025-13", "Write the date as 2025-01-27, 2025-01, 2024-Q4 or 2019.")]
    public async Task CreateValuation_DateUnreadable_IsInvalidOnTheDate(string asOf, string message)
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var form = new ValuationForm { OrganizationId = await IdOfAsync(database, "openai"), AsOf = asOf, Amount = 1 };

        var result = await database.Commands.RunAsync(Analyst, new CreateValuation(form), Token);

        Assert.Equal([message], result.Errors[nameof(ValuationForm.AsOf)]);
    }

    [Fact]
    public async Task CreateValuation_NoOrganizationOrUnknownDeal_IsInvalidOnThoseFields()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var service = new ValuationQueries(database.Contexts);

        var none = await database.Commands.RunAsync(Analyst, new CreateValuation(new ValuationForm { AsOf = "2025", Amount = 1 }), Token);
        var unknownDeal = await database.Commands.RunAsync(Analyst, new CreateValuation(new ValuationForm { OrganizationId = await IdOfAsync(database, "openai"), AsOf = "2025", Amount = 1, DealId = 999_999 }), Token);

        Assert.Equal(["Choose the organization that was valued."], none.Errors[nameof(ValuationForm.OrganizationId)]);
        Assert.Equal(["That deal does not exist or was deleted."], unknownDeal.Errors[nameof(ValuationForm.DealId)]);
    }

    [Fact]
    public async Task UpdateValuation_StaleVersion_IsAConflictWithTheirAmountAndOrganizationByName()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var service = new ValuationQueries(database.Contexts);
        var id = await OnlyValuationAsync(database);
        var mine = (await service.GetFormAsync(id, Token))!;
        var theirs = (await service.GetFormAsync(id, Token))!;
        theirs.Amount = 160_000_000_000;
        Assert.True((await database.Commands.RunAsync(OtherAnalyst, new UpdateValuation(theirs), Token)).IsSaved);
        mine.Kind = ValuationKind.Estimate;

        var result = await database.Commands.RunAsync(Analyst, new UpdateValuation(mine), Token);

        Assert.Equal(CommandOutcome.Conflict, result.Outcome);
        Assert.Equal(OtherAnalyst.UserName, result.Conflict!.ChangedBy);
        Assert.Equal("160000000000", result.Conflict.Theirs[nameof(ValuationForm.Amount)]);
        Assert.Equal("OpenAI", result.Conflict.Theirs[nameof(ValuationForm.OrganizationId)]);
        Assert.Equal(ValuationKind.PostMoney, (await service.GetFormAsync(id, Token))!.Kind);
    }

    [Fact]
    public async Task DeleteThenRestoreValuation_HidesItThenBringsItBack()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var service = new ValuationQueries(database.Contexts);
        var id = await OnlyValuationAsync(database);
        var form = (await service.GetFormAsync(id, Token))!;

        var deleted = await database.Commands.RunAsync(Analyst, new DeleteValuation(id, form.Version), Token);

        Assert.True(deleted.IsSaved);
        Assert.Equal(0, (await service.ListAsync(new ValuationQuery(), new PageRequest(), Token)).TotalCount);
        Assert.Equal(CommandOutcome.Conflict, (await database.Commands.RunAsync(Analyst, new RestoreValuation(id, form.Version), Token)).Outcome);

        var restored = await database.Commands.RunAsync(Analyst, new RestoreValuation(id, deleted.Version!.Value), Token);

        Assert.True(restored.IsSaved);
        Assert.Equal(1, (await service.ListAsync(new ValuationQuery(), new PageRequest(), Token)).TotalCount);
    }

    [Fact]
    public async Task RestoreValuation_OrganizationDeleted_SaysToRestoreTheOrganizationFirst()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var valuations = new ValuationQueries(database.Contexts);
        var created = await database.Commands.RunAsync(Analyst, new CreateOrganization(new OrganizationForm { Name = "Mistral AI" }), Token);
        var valuation = await database.Commands.RunAsync(Analyst, new CreateValuation(new ValuationForm { OrganizationId = created.Id!.Value, AsOf = "2024-06", Amount = 6_000_000_000 }), Token);
        var deleted = await database.Commands.RunAsync(Analyst, new DeleteValuation(valuation.Id!.Value, valuation.Version!.Value), Token);
        Assert.True((await database.Commands.RunAsync(Analyst, new DeleteOrganization(created.Id.Value, created.Version!.Value), Token)).IsSaved);

        var restored = await database.Commands.RunAsync(Analyst, new RestoreValuation(valuation.Id.Value, deleted.Version!.Value), Token);

        Assert.Equal("The valuation belongs to Mistral AI, which is deleted: restore Mistral AI first.", restored.Errors[string.Empty].Single());
    }

    [Fact]
    public async Task CreateMarketEvent_SignedAmountAndOrganizations_SavesThemAndLinksAudited()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var service = new MarketEventQueries(database.Contexts);
        var nvidia = await IdOfAsync(database, "nvidia");
        var deepSeek = await IdOfAsync(database, "deepseek");

        var result = await database.Commands.RunAsync(Analyst, new CreateMarketEvent(new MarketEventForm
        {
            Occurred = "2025-01-28",
            Title = "Nvidia recovers part of its loss",
            Amount = -300_000_000_000,
            OrganizationIds = [nvidia, deepSeek, nvidia],
        }), Token);

        Assert.True(result.IsSaved);
        var stored = (await service.GetFormAsync(result.Id!.Value, Token))!;
        Assert.Equal(-300_000_000_000, stored.Amount);
        Assert.Equal(new[] { nvidia, deepSeek }.Order(), stored.OrganizationIds);
        await using var db = await database.CreateContextAsync();
        var prefix = result.Id.Value.ToString(CultureInfo.InvariantCulture) + "/";
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.EntityType == nameof(MarketEventOrganization) && a.EntityId.StartsWith(prefix), Token));
    }

    [Theory]
    [InlineData("", "2025-01", nameof(MarketEventForm.Title))]
    [InlineData("Something", "", nameof(MarketEventForm.Occurred))]
    [InlineData("Something", "27/01/2025", nameof(MarketEventForm.Occurred))]
    public async Task CreateMarketEvent_MissingTitleOrDate_IsInvalidOnThatField(string title, string occurred, string field)
    {
        await using var database = await TestDatabase.CreateSeededAsync();

        var result = await database.Commands.RunAsync(Analyst, new CreateMarketEvent(new MarketEventForm { Title = title, Occurred = occurred }), Token);

        Assert.Equal(CommandOutcome.Invalid, result.Outcome);
        Assert.Contains(field, result.Errors.Keys);
    }

    [Fact]
    public async Task UpdateMarketEvent_OrganizationsOnly_RaisesTheVersionSoAnOlderFormConflicts()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var service = new MarketEventQueries(database.Contexts);
        int id;
        await using (var db = await database.CreateContextAsync())
        {
            id = await db.MarketEvents.Where(e => e.Title.StartsWith("DeepSeek releases")).Select(e => e.Id).SingleAsync(Token);
        }

        var first = (await service.GetFormAsync(id, Token))!;
        var second = (await service.GetFormAsync(id, Token))!;
        first.OrganizationIds.Add(await IdOfAsync(database, "nvidia"));

        var saved = await database.Commands.RunAsync(Analyst, new UpdateMarketEvent(first), Token);
        second.Title = "DeepSeek R1";
        var stale = await database.Commands.RunAsync(OtherAnalyst, new UpdateMarketEvent(second), Token);

        Assert.Equal(first.Version + 1, saved.Version);
        Assert.Equal(CommandOutcome.Conflict, stale.Outcome);
        Assert.Contains("Nvidia", stale.Conflict!.Theirs[nameof(MarketEventForm.OrganizationIds)], StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeleteThenRestoreMarketEvent_KeepsItsOrganizations()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var service = new MarketEventQueries(database.Contexts);
        int id;
        await using (var db = await database.CreateContextAsync())
        {
            id = await db.MarketEvents.Where(e => e.Title.StartsWith("Nvidia loses")).Select(e => e.Id).SingleAsync(Token);
        }

        var form = (await service.GetFormAsync(id, Token))!;
        var deleted = await database.Commands.RunAsync(Analyst, new DeleteMarketEvent(id, form.Version), Token);
        Assert.Null(await service.GetFormAsync(id, Token));

        var restored = await database.Commands.RunAsync(Analyst, new RestoreMarketEvent(id, deleted.Version!.Value), Token);

        Assert.True(restored.IsSaved);
        Assert.Equal(form.OrganizationIds, (await service.GetFormAsync(id, Token))!.OrganizationIds);
    }

    private static async Task<int> IdOfAsync(TestDatabase database, string slug)
    {
        await using var db = await database.CreateContextAsync();
        return await db.Organizations.Where(o => o.Slug == slug).Select(o => o.Id).SingleAsync(Token);
    }

    private static async Task<int> OnlyValuationAsync(TestDatabase database)
    {
        await using var db = await database.CreateContextAsync();
        return await db.Valuations.Select(v => v.Id).SingleAsync(Token);
    }
}
