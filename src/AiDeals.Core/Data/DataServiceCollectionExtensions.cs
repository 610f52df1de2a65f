using AiDeals.Core.Data.LiveUpdates;
using AiDeals.Core.Data.Seeding;
using AiDeals.Core.Features;
using AiDeals.Core.Features.Dashboard;
using AiDeals.Core.Features.Deals;
using AiDeals.Core.Features.Export;
using AiDeals.Core.Features.History;
using AiDeals.Core.Features.Import;
using AiDeals.Core.Features.Intake;
using AiDeals.Core.Features.MarketEvents;
using AiDeals.Core.Features.Organizations;
using AiDeals.Core.Features.Sources;
using AiDeals.Core.Features.Valuations;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AiDeals.Core.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>The database, its rules (audit, versions, soft delete) and the feature services.</summary>
    public static IServiceCollection AddAiDealsCore(this IServiceCollection services, string connectionString) =>
        services.AddAiDealsCore(new DatabaseSettings(DatabaseProvider.Sqlite, connectionString));

    /// <summary>The same on the configured engine (<see cref="DatabaseLocation.Resolve"/>).</summary>
    public static IServiceCollection AddAiDealsCore(this IServiceCollection services, DatabaseSettings database)
    {
        ArgumentNullException.ThrowIfNull(database);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(database);
        services.AddSingleton<ChangeNotifier>();
        services.AddSingleton<AuditInterceptor>();
        // Pooled: a context is reset and reused instead of built per read (its options looked up, its ~50 internal
        // services resolved, its model checked), which was a fifth of the read API's processor time at 32 connections.
        services.AddPooledDbContextFactory<AiDealsDbContext>((provider, options) => Configure(
            options, database, provider.GetRequiredService<AuditInterceptor>()));
        if (database.IsPostgreSql)
        {
            services.AddPostgresChangeRelay(database.ConnectionString);
        }

        services.AddSingleton<DealBookLoader>();
        services.TryAddSingleton(new ImportOptions());
        services.AddSingleton<Importer>();
        services.AddSingleton<IntakeService>();
        services.AddSingleton<DealBookExporter>();
        services.AddSingleton<DatabaseInitializer>();
        services.AddSingleton<SyntheticDataGenerator>();
        services.AddSingleton<DealQueries>();
        services.AddSingleton<DealDetailQueries>();
        services.AddSingleton<DealAsOfQueries>();
        services.AddSingleton<PastQueries>();
        services.AddSingleton<DealFormQueries>();
        services.AddSingleton<DashboardQueries>();
        services.AddSingleton<RecentChangesQueries>();
        services.AddSingleton<DashboardSnapshots>();
        services.AddSingleton<OrganizationQueries>();
        services.AddSingleton<OrganizationLookups>();
        services.AddSingleton<OrganizationProfileQueries>();
        services.AddSingleton<HistoryQueries>();
        services.AddSingleton<HistorySearch>();
        services.AddSingleton<DataVersions>();
        services.AddSingleton<ValuationQueries>();
        services.AddSingleton<CommandRunner>();
        services.AddSingleton<MarketEventQueries>();
        services.AddSingleton<SourceQueries>();
        services.AddSingleton<Features.SavedViews.SavedViewQueries>();
        services.AddSingleton<Features.Watchlists.WatchlistQueries>();
        services.AddSingleton<Features.Watchlists.WatchedChanges>();
        services.AddSingleton<Features.Feeds.DealFeedQueries>();
        services.AddSingleton<Features.Rates.RateQueries>();
        services.AddSingleton<Features.Rates.RateChanges>();
        return services;
    }

    /// <summary>The context's options on either engine: its migrations, and the interceptors that engine needs.</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, DatabaseSettings database, AuditInterceptor audit)
    {
        ArgumentNullException.ThrowIfNull(database);
        return database.IsPostgreSql
            ? ConfigurePostgreSql(options, database.ConnectionString, audit)
            : ConfigureSqlite(options, database.ConnectionString, audit);
    }

    /// <summary>
    /// PostgreSQL: its migrations live in their own assembly (EF's "one migrations assembly per provider"), as the SQL
    /// they create differs from SQLite's; the model is the same. No pragmas: the server handles concurrent writers.
    /// </summary>
    public static DbContextOptionsBuilder ConfigurePostgreSql(DbContextOptionsBuilder options, string connectionString, AuditInterceptor audit) =>
        options
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(DatabaseSettings.PostgreSqlMigrationsAssembly))
            .AddInterceptors(audit, new UnionRestsInterceptor(), new PostgreSqlNulInterceptor());

    /// <summary>
    /// SQLite: the compiled model (<c>Data/CompiledModel/</c>, generated by src/AiDeals.Core/Data/CompiledModel/regenerate.sh) spares each start
    /// the building of the model from the configurations (1,900 methods to JIT); PostgreSQL builds its own at run time.
    /// </summary>
    public static DbContextOptionsBuilder ConfigureSqlite(DbContextOptionsBuilder options, string connectionString, AuditInterceptor audit) =>
        options
            .UseModel(CompiledModel.AiDealsDbContextModel.Instance)
            .UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(typeof(AiDealsDbContext).Assembly.GetName().Name))
            .AddInterceptors(audit, new SqlitePragmaInterceptor(), new UnionRestsInterceptor());

    /// <summary>Creates the folder of a file database so that a fresh clone runs without set-up.</summary>
    public static void EnsureDatabaseFolder(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(dataSource) || dataSource == ":memory:" || dataSource.StartsWith("file:", StringComparison.Ordinal))
        {
            return;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
    }
}
