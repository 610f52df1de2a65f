namespace AiDeals.E2E.Tests.Infrastructure;

/// <summary>A second app for one test class, its database migrated and empty of deals (seeding turned off).</summary>
public sealed class EmptyServerFixture : IAsyncLifetime
{
    private readonly AiDealsServer _server = new(seeded: false);

    public Uri BaseAddress => _server.BaseAddress;

    public ValueTask InitializeAsync()
    {
        _server.Start();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
