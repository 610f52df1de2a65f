using AiDeals.Core.Data;
using AiDeals.Core.Domain;
using AiDeals.Core.Features;
using AiDeals.Core.Features.Accounts;
using AiDeals.Core.Features.Valuations;
using AiDeals.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Tests;

/// <summary>The steps every command shares, seen through one of them: who saved, what is announced, what a refusal leaves.</summary>
public class CommandRunnerTests
{
    private static readonly Actor Analyst = Actor.Create("ann@example.com", Roles.Analyst);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RunAsync_Saved_AuditsTheActorWithTheReasonAndAnnouncesTheChangeOnce()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var changes = new List<DataChange>();
        database.Notifier.Changed += changes.Add;
        var form = new ValuationForm { OrganizationId = await OpenAiIdAsync(database), AsOf = "2025-03", Amount = 300_000_000_000, Reason = "  From the March round  " };

        var result = await database.Commands.RunAsync(Analyst, new CreateValuation(form), Token);

        Assert.True(result.IsSaved);
        await using var db = await database.CreateContextAsync();
        var entry = await db.AuditEntries.OrderByDescending(a => a.Id).FirstAsync(Token);
        Assert.Equal((nameof(Valuation), "ann@example.com", "From the March round"), (entry.EntityType, entry.User, entry.Reason));
        var change = Assert.Single(changes);
        Assert.True(change.Touches(nameof(Valuation)));
        Assert.Equal("ann@example.com", change.User);
    }

    [Fact]
    public async Task RunAsync_InvalidOrStale_SavesNothingAndAnnouncesNothing()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var changes = new List<DataChange>();
        database.Notifier.Changed += changes.Add;
        var id = await FirstValuationIdAsync(database);
        var form = (await new ValuationQueries(database.Contexts).GetFormAsync(id, Token))!;
        form.Amount = 0;
        var invalid = await database.Commands.RunAsync(Analyst, new UpdateValuation(form), Token);
        form.Amount = 1;
        form.Version -= 1;
        var stale = await database.Commands.RunAsync(Analyst, new UpdateValuation(form), Token);

        Assert.Equal(CommandOutcome.Invalid, invalid.Outcome);
        Assert.Contains(nameof(ValuationForm.Amount), invalid.Errors.Keys);
        Assert.Equal(CommandOutcome.Conflict, stale.Outcome);
        Assert.Empty(changes);
    }

    [Fact]
    public async Task RunAsync_NothingToChange_AnswersSavedAtTheSameVersionWithoutAnAuditEntry()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var id = await FirstValuationIdAsync(database);
        var form = (await new ValuationQueries(database.Contexts).GetFormAsync(id, Token))!;
        int audits;
        await using (var db = await database.CreateContextAsync())
        {
            audits = await db.AuditEntries.CountAsync(Token);
        }

        var result = await database.Commands.RunAsync(Analyst, new RestoreValuation(id, form.Version), Token);

        Assert.Equal((CommandOutcome.Saved, id, form.Version), (result.Outcome, result.Id!.Value, result.Version!.Value));
        await using var reader = await database.CreateContextAsync();
        Assert.Equal(audits, await reader.AuditEntries.CountAsync(Token));
    }

    private static async Task<int> OpenAiIdAsync(TestDatabase database)
    {
        await using var db = await database.CreateContextAsync();
        return await db.Organizations.Where(o => o.Slug == "openai").Select(o => o.Id).SingleAsync(Token);
    }

    private static async Task<int> FirstValuationIdAsync(TestDatabase database)
    {
        await using var db = await database.CreateContextAsync();
        return await db.Valuations.OrderBy(v => v.Id).Select(v => v.Id).FirstAsync(Token);
    }
}
