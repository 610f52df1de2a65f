using AiDeals.Core.Features;
using AiDeals.Core.Features.Accounts;
using AiDeals.Core.Features.History;
using AiDeals.Core.Features.Valuations;
using AiDeals.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Tests;

/// <summary>The version of everything stored moves with every saved write and with nothing else.</summary>
public class DataVersionsTests
{
    private static readonly Actor Analyst = Actor.Create("ann@example.com", Roles.Analyst);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CurrentAsync_MovesWithASavedWrite_NotWithAReadOrARefusedOne()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var versions = new DataVersions(database.Contexts);
        var start = await versions.CurrentAsync(Token);
        await using (var db = await database.CreateContextAsync())
        {
            Assert.True(await db.AuditEntries.AnyAsync(Token));
        }

        var organizationId = await OpenAiIdAsync(database);
        var refused = await database.Commands.RunAsync(Analyst, new CreateValuation(new ValuationForm { OrganizationId = organizationId, AsOf = "2025-03", Amount = 0 }), Token);
        Assert.False(refused.IsSaved);
        Assert.Equal(start, await versions.CurrentAsync(Token));

        var saved = await database.Commands.RunAsync(Analyst, new CreateValuation(new ValuationForm { OrganizationId = organizationId, AsOf = "2025-03", Amount = 300_000_000_000 }), Token);
        Assert.True(saved.IsSaved);
        var after = await versions.CurrentAsync(Token);

        Assert.NotEqual(start, after);
        Assert.Equal(after, await versions.CurrentAsync(Token));
    }

    [Fact]
    public async Task CurrentAsync_NoAuditEntryYet_IsZero()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = await database.CreateContextAsync())
        {
            await db.AuditEntries.ExecuteDeleteAsync(Token);
        }

        Assert.Equal("0", await new DataVersions(database.Contexts).CurrentAsync(Token));
    }

    private static async Task<int> OpenAiIdAsync(TestDatabase database)
    {
        await using var db = await database.CreateContextAsync();
        return await db.Organizations.Where(o => o.Slug == "openai").Select(o => o.Id).SingleAsync(Token);
    }
}
