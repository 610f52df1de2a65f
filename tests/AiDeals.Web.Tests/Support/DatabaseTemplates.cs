using AiDeals.Core.Data;
using AiDeals.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AiDeals.Web.Tests.Support;

/// <summary>
/// On a run on PostgreSQL, the two databases the Web tests' apps and fixtures start from, each made once per test run as
/// the app makes it (<see cref="DatabaseInitializer"/>: the migrations, and the deal book for the seeded one) and then
/// copied with <c>CREATE DATABASE … TEMPLATE</c>: a copy takes a fraction of a second, where the migrations took more
/// than a second of every app's start. Dropped when the process exits.
/// </summary>
internal static class DatabaseTemplates
{
    private static readonly Lazy<Task<string>> Migrated = new(() => MakeAsync(null));

    private static readonly Lazy<Task<string>> Seeded = new(() => MakeAsync(SeedData.DealBookPath));

    /// <summary>The template with the deal book seeded, or migrated and empty when <paramref name="dealBookPath"/> is null.</summary>
    public static Task<string> For(string? dealBookPath)
    {
        if (dealBookPath is not null && dealBookPath != SeedData.DealBookPath)
        {
            throw new ArgumentException($"Only the article's deal book has a template; {dealBookPath} is seeded by the test itself.", nameof(dealBookPath));
        }

        return (dealBookPath is null ? Migrated : Seeded).Value;
    }

    private static async Task<string> MakeAsync(string? dealBookPath)
    {
        var name = PostgresServer.NewName("aideals_web_template");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => PostgresServer.DropDatabaseAsync(name).GetAwaiter().GetResult();

        // No pooling: a copy needs the template with no session on it.
        var settings = new DatabaseSettings(DatabaseProvider.PostgreSql,
            new NpgsqlConnectionStringBuilder(PostgresServer.Database(name)) { Pooling = false }.ToString());
        await using var provider = new ServiceCollection().AddLogging().AddAiDealsCore(settings).BuildServiceProvider();
        await provider.GetRequiredService<DatabaseInitializer>().InitializeAsync(dealBookPath);
        return name;
    }
}
