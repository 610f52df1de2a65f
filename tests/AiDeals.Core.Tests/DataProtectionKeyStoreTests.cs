using AiDeals.Core.Data;
using AiDeals.Core.Tests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AiDeals.Core.Tests;

/// <summary>
/// The app's key ring kept in its own database (<c>PersistKeysToDbContext</c>), as instances on PostgreSQL share it: the
/// table the migrations make, the context the app registers, and no audit entry for a key.
/// </summary>
public sealed class DataProtectionKeyStoreTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Protect_OnOneInstance_UnprotectsOnAnotherThatSharesTheDatabase_AndAuditsNothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var first = Instance(database.Settings);
        await using var second = Instance(database.Settings);

        var ticket = first.GetDataProtector("login").Protect("ann@aideals.local");

        Assert.Equal("ann@aideals.local", second.GetDataProtector("login").Unprotect(ticket));
        await using var db = await database.CreateContextAsync();
        var key = Assert.Single(await db.DataProtectionKeys.ToListAsync(Token));
        Assert.Contains("<key ", key.Xml, StringComparison.Ordinal);
        Assert.Empty(await db.AuditEntries.ToListAsync(Token));
    }

    /// <summary>One app instance's services: Core on the database, its key ring in it.</summary>
    private static ServiceProvider Instance(DatabaseSettings settings)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddAiDealsCore(settings);
        services.AddDataProtection().SetApplicationName("AiDeals").PersistKeysToDbContext<AiDealsDbContext>();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
