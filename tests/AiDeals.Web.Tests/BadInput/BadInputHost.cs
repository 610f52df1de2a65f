using System.Net;
using AiDeals.Core.Features.Accounts;
using AiDeals.Web.Tests.Features.Accounts;
using AiDeals.Web.Tests.Http;
using AiDeals.Web.Tests.Support;

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

        await using var connection = _factory.Database.Open(readOnly: true);
        var tables = new List<(string Name, bool HasVersion)>();
        await using (var command = connection.CreateCommand())
        {
            // Each table of the app, and whether it has a Version column: SQLite's catalog, or PostgreSQL's schema.
            command.CommandText = TempDatabase.OnPostgreSql
                ? """
                  SELECT t.table_name, EXISTS (SELECT 1 FROM information_schema.columns c
                      WHERE c.table_schema = t.table_schema AND c.table_name = t.table_name AND c.column_name = 'Version')
                  FROM information_schema.tables t WHERE t.table_schema = 'public' AND t.table_type = 'BASE TABLE' ORDER BY 1
                  """
                : """
                  SELECT name, EXISTS (SELECT 1 FROM pragma_table_info(m.name) WHERE name = 'Version')
                  FROM sqlite_master m WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name
                  """;
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add((reader.GetString(0), reader.GetBoolean(1)));
            }
        }

        var counts = new List<string>();
        foreach (var (table, hasVersion) in tables)
        {
            counts.Add(hasVersion
                ? $"'{table}=' || (SELECT COUNT(*) || '/' || COALESCE(SUM(\"Version\"), 0) FROM \"{table}\")"
                : $"'{table}=' || (SELECT COUNT(*) FROM \"{table}\")");
        }

        _fingerprintSql = "SELECT " + string.Join(" || ', ' || ", counts);
    }

    /// <summary>Rows per table, and the sum of versions where rows have one (any save raises a version), in one query.</summary>
    public async Task<string> FingerprintAsync()
    {
        await using var connection = _factory.Database.Open(readOnly: true);
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
}
