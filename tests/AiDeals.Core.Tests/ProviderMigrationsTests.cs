using AiDeals.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Tests;

/// <summary>
/// Both providers' migrations kept in step with the one model: a model change that lacks a migration for either
/// engine fails here, whichever engine this run's other tests use (neither needs a server: the model is compared with
/// each migrations assembly's snapshot).
/// </summary>
public sealed class ProviderMigrationsTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=:memory:")]
    [InlineData(DatabaseProvider.PostgreSql, "Host=127.0.0.1;Database=aideals_model_check")]
    public void Model_OfEachProvider_HasAMigrationForEveryChange(DatabaseProvider provider, string connectionString)
    {
        using var db = Context(provider, connectionString);

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), $"the model has changes that no {provider} migration holds: add one to its migrations assembly");
    }

    [Fact]
    public void PostgreSqlMigrations_AreTheirOwn_NotSQLites()
    {
        using var sqlite = Context(DatabaseProvider.Sqlite, "Data Source=:memory:");
        using var postgres = Context(DatabaseProvider.PostgreSql, "Host=127.0.0.1;Database=aideals_model_check");

        Assert.Empty(sqlite.Database.GetMigrations().Intersect(postgres.Database.GetMigrations(), StringComparer.Ordinal));
    }

    private static AiDealsDbContext Context(DatabaseProvider provider, string connectionString)
    {
        var options = new DbContextOptionsBuilder<AiDealsDbContext>();
        DataServiceCollectionExtensions.Configure(options, new DatabaseSettings(provider, connectionString), new AuditInterceptor(TimeProvider.System));
        return new AiDealsDbContext(options.Options);
    }
}
