using AiDeals.Core.Domain;
using AiDeals.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Tests;

/// <summary>Two analysts saving the same record: the second gets a conflict, never an overwrite.</summary>
public class ConcurrencyTokenTests
{
    private const string DealTitle = "SoftBank direct investment in OpenAI";

    [Fact]
    public async Task SaveChanges_StaleDeal_ThrowsConcurrencyAndKeepsTheFirstSave()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateSeededAsync();
        await using var first = await database.CreateContextAsync();
        await using var second = await database.CreateContextAsync();
        var firstCopy = await first.Deals.SingleAsync(d => d.Title == DealTitle, cancellationToken);
        var secondCopy = await second.Deals.SingleAsync(d => d.Title == DealTitle, cancellationToken);
        Assert.Equal(firstCopy.Version, secondCopy.Version);

        firstCopy.Status = DealStatus.Announced;
        firstCopy.Amount = AmountRange.Exact(25_000_000_000);
        await first.SaveChangesAsync(cancellationToken);
        secondCopy.Status = DealStatus.Abandoned;
        secondCopy.Notes = "Talks ended.";

        var conflict = await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync(cancellationToken));

        Assert.Equal(secondCopy, Assert.Single(conflict.Entries).Entity);
        await using var reader = await database.CreateContextAsync();
        var stored = await reader.Deals.AsNoTracking().SingleAsync(d => d.Title == DealTitle, cancellationToken);
        Assert.Equal(DealStatus.Announced, stored.Status);
        Assert.Equal(AmountRange.Exact(25_000_000_000), stored.Amount);
        Assert.NotEqual("Talks ended.", stored.Notes);
        Assert.Equal(firstCopy.Version, stored.Version);
        var audits = await reader.AuditEntries.Where(a => a.EntityType == nameof(Deal) && a.EntityId == stored.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Select(a => a.Action).ToListAsync(cancellationToken);
        Assert.Equal([AuditAction.Created, AuditAction.Updated], audits);
    }

    [Fact]
    public async Task SaveChanges_Conflict_LeavesTheDatabaseWritableForOthers()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateSeededAsync();
        await using var first = await database.CreateContextAsync();
        await using var second = await database.CreateContextAsync();
        var firstCopy = await first.Deals.SingleAsync(d => d.Title == DealTitle, cancellationToken);
        var secondCopy = await second.Deals.SingleAsync(d => d.Title == DealTitle, cancellationToken);
        firstCopy.Status = DealStatus.Announced;
        await first.SaveChangesAsync(cancellationToken);
        secondCopy.Status = DealStatus.Abandoned;
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync(cancellationToken));

        // The losing context stays open (its analyst is shown the conflict); a third analyst's save must not wait for it.
        await using var third = await database.CreateContextAsync();
        third.Database.SetCommandTimeout(TimeSpan.FromSeconds(1));
        var other = await third.Deals.SingleAsync(d => d.Title == "SoftBank investment in WeWork", cancellationToken);
        other.OutcomeNote = "Failed.";
        await third.SaveChangesAsync(cancellationToken);

        Assert.Equal(1, other.Version);
    }

    [Fact]
    public async Task SaveChanges_AfterReloadingTheConflict_SavesOnTopOfTheFirstChange()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateSeededAsync();
        await using var first = await database.CreateContextAsync();
        await using var second = await database.CreateContextAsync();
        var firstCopy = await first.Deals.SingleAsync(d => d.Title == DealTitle, cancellationToken);
        var secondCopy = await second.Deals.SingleAsync(d => d.Title == DealTitle, cancellationToken);
        firstCopy.Status = DealStatus.Announced;
        await first.SaveChangesAsync(cancellationToken);
        secondCopy.Notes = "Talks ended.";
        var conflict = await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync(cancellationToken));

        await conflict.Entries.Single().ReloadAsync(cancellationToken);
        secondCopy.Notes = "Talks ended.";
        await second.SaveChangesAsync(cancellationToken);

        await using var reader = await database.CreateContextAsync();
        var stored = await reader.Deals.AsNoTracking().SingleAsync(d => d.Title == DealTitle, cancellationToken);
        Assert.Equal((DealStatus.Announced, "Talks ended.", 2), (stored.Status, stored.Notes, stored.Version));
    }
}
