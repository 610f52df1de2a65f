using AiDeals.Core.Data;
using AiDeals.Core.Data.CompiledModel;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace AiDeals.Core.Tests;

/// <summary>
/// The compiled model the app uses on SQLite (Data/CompiledModel/) against the model EF Core builds from the
/// configurations: any drift fails here, and src/AiDeals.Core/Data/CompiledModel/regenerate.sh regenerates it.
/// </summary>
public sealed class CompiledModelTests
{
    /// <summary>Entity types, properties, keys, indexes, relationships, and the tables and columns they map to.</summary>
    [Fact]
    public void CompiledModel_DescribesTheSameModel_AsTheConfigurations()
    {
        using var compiled = SqliteContext(useCompiledModel: true);
        using var built = SqliteContext(useCompiledModel: false);

        Assert.Equal(
            built.Model.ToDebugString(MetadataDebugStringOptions.LongDefault),
            compiled.Model.ToDebugString(MetadataDebugStringOptions.LongDefault),
            ignoreLineEndingDifferences: true);
    }

    /// <summary>The debug view leaves the query filters out; EF Core cannot generate them, AiDealsDbContextModel.QueryFilters.cs adds them.</summary>
    [Fact]
    public void CompiledModel_HidesSoftDeletedRows_WithTheConfigurationsFilters()
    {
        using var compiled = SqliteContext(useCompiledModel: true);
        using var built = SqliteContext(useCompiledModel: false);

        Assert.Equal(Filters(built.Model), Filters(compiled.Model));
        Assert.Contains(Filters(compiled.Model), f => f.StartsWith("Deal:", StringComparison.Ordinal));
    }

    [Fact]
    public void SqliteContexts_UseTheCompiledModel_PostgreSqlOnesBuildTheirOwn()
    {
        using var sqlite = Context(new DatabaseSettings(DatabaseProvider.Sqlite, "Data Source=:memory:"));
        using var postgres = Context(new DatabaseSettings(DatabaseProvider.PostgreSql, "Host=127.0.0.1;Database=aideals_model_check"));

        Assert.Same(AiDealsDbContextModel.Instance, sqlite.Model);
        Assert.NotSame(AiDealsDbContextModel.Instance, postgres.Model);
        Assert.StartsWith("Npgsql:", postgres.Model.GetAnnotations().First(a => a.Name.Contains(':', StringComparison.Ordinal)).Name, StringComparison.Ordinal);
    }

    private static List<string> Filters(IModel model) =>
    [
        .. model.GetEntityTypes()
            .SelectMany(t => t.GetDeclaredQueryFilters().Select(f => $"{t.ShortName()}: {f.Key ?? "(anonymous)"} {f.Expression}"))
            .Order(StringComparer.Ordinal),
    ];

    private static AiDealsDbContext Context(DatabaseSettings database)
    {
        var options = new DbContextOptionsBuilder<AiDealsDbContext>();
        DataServiceCollectionExtensions.Configure(options, database, new AuditInterceptor(TimeProvider.System));
        return new AiDealsDbContext(options.Options);
    }

    private static AiDealsDbContext SqliteContext(bool useCompiledModel)
    {
        if (useCompiledModel)
        {
            return Context(new DatabaseSettings(DatabaseProvider.Sqlite, "Data Source=:memory:"));
        }

        // The same provider and options, without the compiled model: EF Core builds the model from OnModelCreating.
        var options = new DbContextOptionsBuilder<AiDealsDbContext>()
            .UseSqlite(new SqliteConnection("Data Source=:memory:"), sqlite => sqlite.MigrationsAssembly(typeof(AiDealsDbContext).Assembly.GetName().Name));
        return new AiDealsDbContext(options.Options);
    }
}
