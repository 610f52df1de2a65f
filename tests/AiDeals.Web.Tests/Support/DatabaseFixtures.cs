using AiDeals.Core.Data;
using Microsoft.Extensions.DependencyInjection;

namespace AiDeals.Web.Tests.Support;

/// <summary>
/// A real database for one test class (a SQLite file, or on a run on PostgreSQL a database on the tests' server), brought
/// up as the app brings it up (<see cref="DatabaseInitializer"/>: migrations, WAL and, when <see cref="DealBookPath"/> is
/// set, the deal book); on PostgreSQL copied from the template that the initializer made (<see cref="DatabaseTemplates"/>).
/// </summary>
public abstract class DatabaseFixture : IAsyncLifetime
{
    private readonly TempDatabase _database = new();

    /// <summary>The engine and connection string, for the test class's own <c>AddAiDealsCore</c>.</summary>
    public DatabaseSettings Settings => _database.Settings;

    /// <summary>The deal book seeded into the new database, or null to leave it empty.</summary>
    protected abstract string? DealBookPath { get; }

    public async ValueTask InitializeAsync()
    {
        if (TempDatabase.OnPostgreSql)
        {
            await _database.CreateFromAsync(await DatabaseTemplates.For(DealBookPath));
            return;
        }

        var services = new ServiceCollection().AddLogging().AddAiDealsCore(Settings);
        await using var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<DatabaseInitializer>().InitializeAsync(DealBookPath, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _database.DeleteAsync();
        GC.SuppressFinalize(this);
    }
}

/// <summary>A database seeded with the article's deal book, as the app starts with it.</summary>
public sealed class SeededDatabase : DatabaseFixture
{
    protected override string? DealBookPath => SeedData.DealBookPath;
}

/// <summary>A migrated database with no deal in it, as the app starts with seeding turned off.</summary>
public sealed class EmptyDatabase : DatabaseFixture
{
    protected override string? DealBookPath => null;
}
