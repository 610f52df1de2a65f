using AiDeals.Core.Data;
using AiDeals.Core.Tests.Support;

namespace AiDeals.Core.Tests;

/// <summary>The audit's actor on pooled contexts: a context handed back to the pool forgets whom it saved for.</summary>
public partial class AuditInterceptorTests
{
    [Fact]
    public async Task SaveChanges_PooledContextAfterAnActorsSave_RefusesToSaveAsThatActor()
    {
        await using var database = await TestDatabase.CreateAsync(_clock);
        var token = TestContext.Current.CancellationToken;
        var first = await database.Contexts.CreateDbContextAsync(token);
        await using (first)
        {
            first.ActFor("alice@example.com", "from the article");
            first.InBatch("batch-1");
            first.Organizations.Add(NewOrganization("Anthropic"));
            await first.SaveChangesAsync(token);
        }

        // The pool hands contexts back in the order they were returned: rent enough to get this one again.
        var rented = new List<AiDealsDbContext>();
        for (var i = 0; i < 16; i++)
        {
            rented.Add(await database.Contexts.CreateDbContextAsync(token));
        }

        try
        {
            Assert.Contains(first, rented);
            Assert.All(rented, db => Assert.Null(db.AuditUser));
            Assert.All(rented, db => Assert.Null(db.AuditReason));
            Assert.All(rented, db => Assert.Null(db.AuditBatch));
            first.Organizations.Add(NewOrganization("Mistral"));
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => first.SaveChangesAsync(token));
            Assert.Contains("no actor", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            foreach (var db in rented)
            {
                await db.DisposeAsync();
            }
        }

        var entry = Assert.Single(await ReadAuditAsync(database));
        Assert.Equal("alice@example.com", entry.User);
    }
}
