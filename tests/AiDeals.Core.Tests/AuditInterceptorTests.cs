using System.Data.Common;
using System.Text.Json;
using AiDeals.Core.Data;
using AiDeals.Core.Domain;
using AiDeals.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AiDeals.Core.Tests;

public partial class AuditInterceptorTests
{
    private static readonly DateTimeOffset Start = new(2025, 2, 3, 9, 30, 0, TimeSpan.Zero);

    private readonly FixedClock _clock = new(Start);

    [Fact]
    public async Task SaveChanges_NewOrganization_WritesOneCreatedEntryWithItsFields()
    {
        await using var database = await TestDatabase.CreateAsync(_clock);
        await using var db = await database.CreateContextAsync();
        db.ActFor("alice@example.com", "from the article");
        var organization = NewOrganization("Anthropic");

        db.Organizations.Add(organization);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);

        var entry = Assert.Single(await ReadAuditAsync(database));
        Assert.NotEqual(0, organization.Id);
        Assert.Equal(nameof(Organization), entry.EntityType);
        Assert.Equal(organization.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), entry.EntityId);
        Assert.Equal(AuditAction.Created, entry.Action);
        Assert.Equal("alice@example.com", entry.User);
        Assert.Equal("from the article", entry.Reason);
        Assert.Equal(Start.UtcDateTime, entry.AtUtc);
        var changes = Changes(entry);
        Assert.Equal(JsonValueKind.Null, changes["Name"].GetProperty("old").ValueKind);
        Assert.Equal("Anthropic", changes["Name"].GetProperty("new").GetString());
        Assert.Equal("anthropic", changes["Slug"].GetProperty("new").GetString());
        Assert.False(changes.ContainsKey("Id"));
        Assert.False(changes.ContainsKey("Version"));
    }

    [Fact]
    public async Task SaveChanges_ContextWithoutAnActor_ThrowsAndWritesNothing()
    {
        await using var database = await TestDatabase.CreateAsync(_clock);
        await using (var db = await database.Contexts.CreateDbContextAsync(TestContext.Current.CancellationToken))
        {
            db.Organizations.Add(NewOrganization("Anthropic"));

            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync(TestContext.Current.CancellationToken));
            Assert.Contains("no actor", error.Message, StringComparison.Ordinal);
        }

        await using var reader = await database.CreateContextAsync();
        Assert.False(await reader.Organizations.IgnoreQueryFilters().AnyAsync(TestContext.Current.CancellationToken));
        Assert.Empty(await ReadAuditAsync(database));
    }

    [Fact]
    public async Task SaveChanges_DescriptionEdited_WritesUpdatedEntryWithOnlyThatField()
    {
        await using var database = await TestDatabase.CreateAsync(_clock);
        var id = await CreateOrganizationAsync(database, "Anthropic", description: "AI lab");

        await using (var db = await database.CreateContextAsync())
        {
            db.ActFor("bob", reason: null);
            var organization = await db.Organizations.SingleAsync(o => o.Id == id, TestContext.Current.CancellationToken);
            organization.Description = "US AI company, maker of Claude";
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var entries = await ReadAuditAsync(database);
        Assert.Equal([AuditAction.Created, AuditAction.Updated], entries.Select(e => e.Action));
        var updated = entries[1];
        Assert.Equal("bob", updated.User);
        var change = Assert.Single(Changes(updated));
        Assert.Equal("Description", change.Key);
        Assert.Equal("AI lab", change.Value.GetProperty("old").GetString());
        Assert.Equal("US AI company, maker of Claude", change.Value.GetProperty("new").GetString());
    }

    [Fact]
    public async Task SaveChanges_NothingChanged_WritesNoEntry()
    {
        await using var database = await TestDatabase.CreateAsync(_clock);
        var id = await CreateOrganizationAsync(database, "Anthropic", description: "AI lab");

        await using (var db = await database.CreateContextAsync())
        {
            var organization = await db.Organizations.SingleAsync(o => o.Id == id, TestContext.Current.CancellationToken);
            organization.Description = "AI lab";
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        Assert.Single(await ReadAuditAsync(database));
    }

    [Fact]
    public async Task SaveChanges_OrganizationRemoved_SoftDeletesAndAuditsDeleted()
    {
        await using var database = await TestDatabase.CreateAsync(_clock);
        var id = await CreateOrganizationAsync(database, "Anthropic");
        _clock.Now = Start.AddHours(1);

        await using (var db = await database.CreateContextAsync())
        {
            db.Remove(await db.Organizations.SingleAsync(o => o.Id == id, TestContext.Current.CancellationToken));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await using (var db = await database.CreateContextAsync())
        {
            Assert.False(await db.Organizations.AnyAsync(o => o.Id == id, TestContext.Current.CancellationToken));
            var row = await db.Organizations.IgnoreQueryFilters().SingleAsync(o => o.Id == id, TestContext.Current.CancellationToken);
            Assert.Equal(Start.AddHours(1).UtcDateTime, row.DeletedAt);
            Assert.Equal("Anthropic", row.Name);
        }

        var deleted = (await ReadAuditAsync(database))[^1];
        Assert.Equal(AuditAction.Deleted, deleted.Action);
        Assert.Equal(Start.AddHours(1).UtcDateTime, deleted.AtUtc);
        var change = Assert.Single(Changes(deleted));
        Assert.Equal("DeletedAt", change.Key);
        Assert.Equal(JsonValueKind.Null, change.Value.GetProperty("old").ValueKind);
    }

    [Fact]
    public async Task SaveChanges_DeletedAtCleared_AuditsRestored()
    {
        await using var database = await TestDatabase.CreateAsync(_clock);
        var id = await CreateOrganizationAsync(database, "Anthropic");
        await using (var db = await database.CreateContextAsync())
        {
            db.Remove(await db.Organizations.SingleAsync(o => o.Id == id, TestContext.Current.CancellationToken));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await using (var db = await database.CreateContextAsync())
        {
            var row = await db.Organizations.IgnoreQueryFilters().SingleAsync(o => o.Id == id, TestContext.Current.CancellationToken);
            row.DeletedAt = null;
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await using (var db = await database.CreateContextAsync())
        {
            Assert.True(await db.Organizations.AnyAsync(o => o.Id == id, TestContext.Current.CancellationToken));
        }

        Assert.Equal(
            [AuditAction.Created, AuditAction.Deleted, AuditAction.Restored],
            (await ReadAuditAsync(database)).Select(e => e.Action));
    }

    [Fact]
    public async Task SaveChanges_EachSave_RaisesTheVersionByOne()
    {
        await using var database = await TestDatabase.CreateAsync(_clock);
        await using var db = await database.CreateContextAsync();
        var organization = NewOrganization("Anthropic");

        db.Organizations.Add(organization);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        var afterCreate = organization.Version;
        organization.Description = "AI lab";
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        var afterUpdate = organization.Version;
        db.Remove(organization);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        var afterDelete = organization.Version;

        Assert.Equal((0, 1, 2), (afterCreate, afterUpdate, afterDelete));
        await using var reader = await database.CreateContextAsync();
        var stored = await reader.Organizations.IgnoreQueryFilters().AsNoTracking().SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(2, stored.Version);
    }

    [Fact]
    public async Task SaveChanges_DuplicateName_FailsAndWritesNoAuditEntry()
    {
        await using var database = await TestDatabase.CreateAsync(_clock);
        await CreateOrganizationAsync(database, "Anthropic");

        await using (var db = await database.CreateContextAsync())
        {
            db.Organizations.Add(NewOrganization("Mistral AI"));
            db.Organizations.Add(NewOrganization(" ANTHROPIC ", slug: "anthropic-2"));
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(TestContext.Current.CancellationToken));
        }

        var entries = await ReadAuditAsync(database);
        Assert.Equal(AuditAction.Created, Assert.Single(entries).Action);
        await using var reader = await database.CreateContextAsync();
        Assert.Equal(["Anthropic"], await reader.Organizations.Select(o => o.Name).ToListAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task SaveChanges_AfterAFailedSave_AuditsTheNextSaveNormally()
    {
        await using var database = await TestDatabase.CreateAsync(_clock);
        await CreateOrganizationAsync(database, "Anthropic");
        await using var db = await database.CreateContextAsync();
        var duplicate = NewOrganization("anthropic", slug: "anthropic-2");
        db.Organizations.Add(duplicate);
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(TestContext.Current.CancellationToken));

        duplicate.Name = "Mistral AI";
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);

        var entries = await ReadAuditAsync(database);
        Assert.Equal(2, entries.Count);
        Assert.Equal(duplicate.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), entries[1].EntityId);
        Assert.Equal("Mistral AI", Changes(entries[1])["Name"].GetProperty("new").GetString());
    }

    [Fact]
    public async Task SaveChanges_AuditEntryCannotBeWritten_RollsTheChangeBackAndReleasesTheDatabase()
    {
        await using var database = await TestDatabase.CreateAsync(_clock);
        var id = await CreateOrganizationAsync(database, "Anthropic", description: "AI lab");
        await PlantedTrigger.RefuseAsync(database, "FailAudit", "INSERT", "AuditEntries", "audit store is down");

        await using var failing = await database.CreateContextAsync();
        var organization = await failing.Organizations.SingleAsync(o => o.Id == id, TestContext.Current.CancellationToken);
        organization.Description = "changed without a trace";
        var error = await Assert.ThrowsAsync<DbUpdateException>(() => failing.SaveChangesAsync(TestContext.Current.CancellationToken));

        // The failed context is still open, as it is in a request that goes on after catching the error.
        Assert.Contains("audit store is down", error.InnerException?.Message, StringComparison.Ordinal);
        await using (var other = await database.CreateContextAsync())
        {
            var stored = await other.Organizations.AsNoTracking().SingleAsync(o => o.Id == id, TestContext.Current.CancellationToken);
            Assert.Equal("AI lab", stored.Description);
            Assert.Equal(0, stored.Version);
            await PlantedTrigger.RemoveAsync(database, "FailAudit", "AuditEntries");
            other.Organizations.Add(NewOrganization("Mistral AI"));
            await other.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        Assert.Equal([AuditAction.Created, AuditAction.Created], (await ReadAuditAsync(database)).Select(e => e.Action));
    }

    [Fact]
    public async Task SaveChanges_AfterASaveCanceledMidway_ReleasesTheDatabaseAndAuditsTheNextSaveOnce()
    {
        await using var database = await TestDatabase.CreateAsync(_clock);
        var id = await CreateOrganizationAsync(database, "Anthropic", description: "AI lab");
        using var cancellation = new CancellationTokenSource();

        // The app's options plus one interceptor that cancels the save while its UPDATE is on the way.
        var options = new DbContextOptionsBuilder<AiDealsDbContext>();
        DataServiceCollectionExtensions.Configure(options, database.Settings, new AuditInterceptor(_clock))
            .AddInterceptors(new CancelOnUpdate(cancellation));
        await using var db = new AiDealsDbContext(options.Options);
        db.ActFor("bob", reason: null);
        var organization = await db.Organizations.SingleAsync(o => o.Id == id, TestContext.Current.CancellationToken);
        organization.Description = "US AI company";
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => db.SaveChangesAsync(cancellation.Token));

        await using (var other = await database.CreateContextAsync())
        {
            other.Database.SetCommandTimeout(TimeSpan.FromSeconds(1));
            other.Organizations.Add(NewOrganization("Mistral AI"));
            await other.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await db.SaveChangesAsync(TestContext.Current.CancellationToken);

        await using var reader = await database.CreateContextAsync();
        var stored = await reader.Organizations.AsNoTracking().SingleAsync(o => o.Id == id, TestContext.Current.CancellationToken);
        Assert.Equal(("US AI company", 1), (stored.Description, stored.Version));
        Assert.Equal(
            [(AuditAction.Created, id), (AuditAction.Created, id + 1), (AuditAction.Updated, id)],
            (await ReadAuditAsync(database)).Select(e => (e.Action, int.Parse(e.EntityId, System.Globalization.CultureInfo.InvariantCulture))));
    }

    private static Organization NewOrganization(string name, string? slug = null, string? description = null) => new()
    {
        Name = name,
        Slug = slug ?? name.Trim().ToLowerInvariant().Replace(' ', '-'),
        Type = OrganizationType.Company,
        Country = "US",
        Description = description,
    };

    private static async Task<int> CreateOrganizationAsync(TestDatabase database, string name, string? description = null)
    {
        await using var db = await database.CreateContextAsync();
        var organization = NewOrganization(name, description: description);
        db.Organizations.Add(organization);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return organization.Id;
    }

    private static async Task<List<AuditEntry>> ReadAuditAsync(TestDatabase database)
    {
        await using var db = await database.CreateContextAsync();
        return await db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).ToListAsync(TestContext.Current.CancellationToken);
    }

    private static Dictionary<string, JsonElement> Changes(AuditEntry entry) =>
        JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(entry.Changes)!;

    private sealed class CancelOnUpdate(CancellationTokenSource cancellation) : DbCommandInterceptor
    {
        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("UPDATE \"Organizations\"", StringComparison.Ordinal))
            {
                cancellation.Cancel();
            }

            return ValueTask.FromResult(result);
        }
    }
}
