using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AiDeals.Core.Data.LiveUpdates;

public static class LiveUpdatesServiceCollectionExtensions
{
    /// <summary>
    /// Live updates between the instances on one PostgreSQL database: the relay, run by the host as a hosted service.
    /// Without a host (the command line) it is never created, and nothing listens or sends.
    /// </summary>
    public static IServiceCollection AddPostgresChangeRelay(this IServiceCollection services, string connectionString)
    {
        services.AddSingleton(provider => new PostgresChangeRelay(
            connectionString,
            provider.GetRequiredService<ChangeNotifier>(),
            provider.GetRequiredService<ILogger<PostgresChangeRelay>>(),
            provider.GetRequiredService<TimeProvider>()));
        services.AddHostedService(provider => provider.GetRequiredService<PostgresChangeRelay>());
        return services;
    }
}
