using System.Net;
using AiDeals.Core.Features.Accounts;
using AiDeals.Web.Tests.Features.Accounts;
using AiDeals.Web.Tests.Http;
using Microsoft.Data.Sqlite;

namespace AiDeals.Web.Tests.BadInput;

/// <summary>
/// The app on Kestrel (its real request limits: 414, 431, 413) with one signed-in client per role, and a fingerprint of
/// the database to prove that no request changed a row.
/// </summary>
public sealed class BadInputHost : IAsyncLifetime
{
    private readonly KestrelWebFactory _factory = new() { Quiet = true };
    private readonly Dictionary<string, HttpClient> _clients = [];
    private string _fingerprintSql = "SELECT ''";

    public Uri Address => _factory.Address;

    public HttpClient ClientFor(string role) => _clients[role];

    /// <summary>A client with its own cookies that does not follow redirects.</summary>
    public HttpClient NewClient() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer(), UseCookies = true })
        {
            BaseAddress = Address,
        };

    public async ValueTask InitializeAsync()
    {
        _clients["anon"] = NewClient();
        foreach (var (role, account) in new[] { ("viewer", DemoAccounts.Viewer), ("analyst", DemoAccounts.Analyst), ("admin", DemoAccounts.Admin) })
        {
            var client = NewClient();
            var response = await AccountHttp.LogInAsync(client, account.UserName, account.Password);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            _clients[role] = client;
        }

        await using var connection = Open();
        var tables = new List<string>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var counts = new List<string>();
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM pragma_table_info('{table}') WHERE name = 'Version'";
            var hasVersion = Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) > 0;
            counts.Add(hasVersion
                ? $"'{table}=' || (SELECT COUNT(*) || '/' || COALESCE(SUM(\"Version\"), 0) FROM \"{table}\")"
                : $"'{table}=' || (SELECT COUNT(*) FROM \"{table}\")");
        }

        _fingerprintSql = "SELECT " + string.Join(" || ', ' || ", counts);
    }

    /// <summary>Rows per table, and the sum of versions where rows have one (any save raises a version), in one query.</summary>
    public async Task<string> FingerprintAsync()
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = _fingerprintSql;
        return (string)(await command.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }

        await _factory.DisposeAsync();
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _factory.DatabasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }
}
