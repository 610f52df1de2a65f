using AiDeals.Core.Data.Seeding;
using AiDeals.Core.Domain;
using AiDeals.Core.Features;
using AiDeals.Core.Features.Dashboard;
using AiDeals.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Tests;

/// <summary>The dashboard's feed of recent changes: one line per record per save, every record named.</summary>
public class DashboardRecentChangesTests
{
    [Fact]
    public async Task RecentChangesAsync_ArticleSeeded_NamesEachCreatedRecordOnce()
    {
        await using var database = await TestDatabase.CreateSeededAsync();

        var changes = await database.RecentChanges.ListAsync(100, TestContext.Current.CancellationToken);

        // Seven organizations, one source, six deals, one valuation and five events; citations, participants and
        // aliases are parts of those records, not lines of their own.
        Assert.Equal(20, changes.Count);
        Assert.All(changes, c => Assert.Equal((DealBookLoader.SeedUser, AuditAction.Created), (c.User, c.Action)));
        Assert.DoesNotContain(changes, c => c.Record.Kind == RecordKind.Other);
        Assert.Equal(changes.OrderByDescending(c => c.Id).Select(c => c.Id), changes.Select(c => c.Id));
        Assert.Equal(changes.Count, changes.Select(c => (c.Record.Kind, c.Record.Id)).Distinct().Count());
    }

    [Fact]
    public async Task RecentChangesAsync_ArticleSeeded_DealLineLinksToTheDealWithItsParts()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        int dealId;
        await using (var db = await database.CreateContextAsync())
        {
            dealId = await db.Deals.Where(d => d.Title == "SoftBank direct investment in OpenAI").Select(d => d.Id).SingleAsync(TestContext.Current.CancellationToken);
        }

        var changes = await database.RecentChanges.ListAsync(100, TestContext.Current.CancellationToken);

        var deal = Assert.Single(changes, c => c.Record.Kind == RecordKind.Deal && c.Record.Id == dealId);
        Assert.Equal("SoftBank direct investment in OpenAI", deal.Record.Name);
        Assert.True(deal.Record.Exists);
        Assert.Empty(deal.Fields);
        Assert.Equal(
            // Its link to the partnership it is part of is a part of the deal too.
            [new PartChange("citation", AuditAction.Created, 2), new PartChange("participant", AuditAction.Created, 1), new PartChange("wider deal", AuditAction.Created, 1)],
            deal.Parts.OrderBy(p => p.Part));
    }

    [Fact]
    public async Task RecentChangesAsync_ArticleSeeded_OrganizationsAndValuationsCarryTheSlug()
    {
        await using var database = await TestDatabase.CreateSeededAsync();

        var changes = await database.RecentChanges.ListAsync(100, TestContext.Current.CancellationToken);

        var softBank = Assert.Single(changes, c => c.Record.Kind == RecordKind.Organization && c.Record.Slug == "softbank");
        Assert.Equal("SoftBank Group", softBank.Record.Name);
        Assert.Contains(new PartChange("alias", AuditAction.Created, 2), softBank.Parts);
        var valuation = Assert.Single(changes, c => c.Record.Kind == RecordKind.Valuation);
        Assert.Equal(("OpenAI at $157B (Oct 2024)", "openai"), (valuation.Record.Name, valuation.Record.Slug));
        var marketEvent = Assert.Single(changes, c => c.Record.Name == "Nvidia loses nearly $589 billion of market value in a day");
        Assert.Equal(RecordKind.MarketEvent, marketEvent.Record.Kind);
        Assert.Contains(new PartChange("organization", AuditAction.Created, 2), marketEvent.Parts);
    }

    [Fact]
    public async Task RecentChangesAsync_AnalystChangesAStatus_NewestLineSaysWhoAndWhichField()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        await using (var db = await database.CreateContextAsync())
        {
            db.ActFor("alice", reason: null);
            var deal = await db.Deals.SingleAsync(d => d.Title == "SoftBank commitment to Stargate", TestContext.Current.CancellationToken);
            deal.Status = DealStatus.Announced;
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var latest = (await database.RecentChanges.ListAsync(5, TestContext.Current.CancellationToken))[0];

        Assert.Equal(("alice", AuditAction.Updated, RecordKind.Deal), (latest.User, latest.Action, latest.Record.Kind));
        Assert.Equal("SoftBank commitment to Stargate", latest.Record.Name);
        Assert.Equal(["Status"], latest.Fields);
        Assert.Empty(latest.Parts);
    }

    [Fact]
    public async Task RecentChangesAsync_CitationAddedToADeal_IsAChangeToTheDeal()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        int dealId;
        await using (var db = await database.CreateContextAsync())
        {
            db.ActFor("bob", reason: null);
            var deal = await db.Deals.SingleAsync(d => d.Title == "SoftBank investment in WeWork", TestContext.Current.CancellationToken);
            dealId = deal.Id;
            var source = await db.Sources.FirstAsync(TestContext.Current.CancellationToken);
            db.Citations.Add(new Citation { SourceId = source.Id, DealId = deal.Id, Quote = "which ultimately failed" });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var latest = (await database.RecentChanges.ListAsync(5, TestContext.Current.CancellationToken))[0];

        Assert.Equal(("bob", AuditAction.Updated), (latest.User, latest.Action));
        Assert.Equal((RecordKind.Deal, dealId), (latest.Record.Kind, latest.Record.Id));
        Assert.Equal([new PartChange("citation", AuditAction.Created, 1)], latest.Parts);
    }

    [Fact]
    public async Task RecentChangesAsync_DealDeleted_KeepsItsNameButNoPage()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        await using (var db = await database.CreateContextAsync())
        {
            db.Remove(await db.Deals.SingleAsync(d => d.Title == "Microsoft backing of OpenAI", TestContext.Current.CancellationToken));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var latest = (await database.RecentChanges.ListAsync(5, TestContext.Current.CancellationToken))[0];

        Assert.Equal(AuditAction.Deleted, latest.Action);
        Assert.Equal("Microsoft backing of OpenAI", latest.Record.Name);
        Assert.False(latest.Record.Exists);
    }

    [Fact]
    public async Task RecentChangesAsync_AliasRemoved_IsAChangeToItsOrganization()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        await using (var db = await database.CreateContextAsync())
        {
            var nvidia = await db.Organizations.Include(o => o.Aliases).SingleAsync(o => o.Slug == "nvidia", TestContext.Current.CancellationToken);
            nvidia.Aliases.Clear();
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var latest = (await database.RecentChanges.ListAsync(5, TestContext.Current.CancellationToken))[0];

        Assert.Equal((RecordKind.Organization, "nvidia"), (latest.Record.Kind, latest.Record.Slug));
        Assert.Equal([new PartChange("alias", AuditAction.Deleted, 1)], latest.Parts);
    }

    [Fact]
    public async Task RecentChangesAsync_Count_LimitsTheLines()
    {
        await using var database = await TestDatabase.CreateSeededAsync();

        var changes = await database.RecentChanges.ListAsync(3, TestContext.Current.CancellationToken);

        Assert.Equal(3, changes.Count);
    }

    [Fact]
    public async Task RecentChangesAsync_EmptyDatabase_IsEmpty()
    {
        await using var database = await TestDatabase.CreateAsync();

        Assert.Empty(await database.RecentChanges.ListAsync(10, TestContext.Current.CancellationToken));
    }
}
