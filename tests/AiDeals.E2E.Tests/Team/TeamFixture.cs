using AiDeals.E2E.Tests.Infrastructure;
using Npgsql;

namespace AiDeals.E2E.Tests.Team;

/// <summary>
/// A team's deployment in small: two app instances, each its own process, on one new PostgreSQL database
/// (AIDEALS_TEST_POSTGRES), both asking everyone to log in. A starts first and seeds the database; B finds it ready.
/// </summary>
public sealed class TeamFixture : IAsyncLifetime
{
    private const string Variable = "AIDEALS_TEST_POSTGRES";

    private readonly string _databaseName = "aideals_e2e_" + Guid.NewGuid().ToString("N")[..16];
    private string? _admin;

    public AppProcess A { get; private set; } = null!;

    public AppProcess B { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        // A missing server is a failure to fix, never a skipped test.
        _admin = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{Variable} is not set: give it the connection string of a PostgreSQL user allowed to CREATE DATABASE.");
        await AdminAsync($"CREATE DATABASE {_databaseName}");
        var settings = new Dictionary<string, string>
        {
            ["Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:AiDeals"] = new NpgsqlConnectionStringBuilder(_admin) { Database = _databaseName }.ConnectionString,
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

        if (_admin is not null)
        {
            await AdminAsync($"DROP DATABASE IF EXISTS {_databaseName} WITH (FORCE)");
        }
    }

    private async Task AdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_admin) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
