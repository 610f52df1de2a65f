using AiDeals.E2E.Tests.Infrastructure;
using AiDeals.Tests.Shared;

namespace AiDeals.E2E.Tests.Team;

/// <summary>
/// A team's deployment in small: two app instances, each its own process, on one new PostgreSQL database (the tests'
/// server: AIDEALS_TEST_POSTGRES, else a throw-away cluster), both asking everyone to log in. A starts first and seeds
/// the database; B finds it ready.
/// </summary>
public sealed class TeamFixture : IAsyncLifetime
{
    private readonly string _databaseName = PostgresServer.NewName("aideals_e2e");
    private bool _created;

    public AppProcess A { get; private set; } = null!;

    public AppProcess B { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        await PostgresServer.CreateDatabaseAsync(_databaseName);
        _created = true;
        var settings = new Dictionary<string, string>
        {
            ["Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:AiDeals"] = PostgresServer.Database(_databaseName),
            ["Auth:AllowAnonymousRead"] = "false",
        };
        var token = TestContext.Current.CancellationToken;
        A = await AppProcess.StartAsync("a", settings, token);
        B = await AppProcess.StartAsync("b", settings, token);
    }

    public async ValueTask DisposeAsync()
    {
        if (B is not null)
        {
            await B.DisposeAsync();
        }

        if (A is not null)
        {
            await A.DisposeAsync();
        }

        if (_created)
        {
            await PostgresServer.DropDatabaseAsync(_databaseName);
        }
    }
}
