using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AiDeals.Web.Tests.Support;
using Microsoft.Data.Sqlite;

namespace AiDeals.Web.Tests.Api;

/// <summary>A script reads every deal through the API by cursor while others add deals: no deal skipped, none read twice.</summary>
[Collection(WebHostCollection.Name)]
public sealed class ApiPagingTests(ApiWebFactory factory)
{
    private const int Deals = 10_000;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Scan_TenThousandDealsWhileAnotherTaskInserts_ReadsEachExistingDealExactlyOnce()
    {
        var existing = await InsertAsync("Scan deal", Deals);
        existing.UnionWith(await LiveIdsAsync());
        using var client = await factory.ClientForAsync("viewer");
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            var added = 0;
            while (!stop.IsCancellationRequested)
            {
                added += (await InsertAsync("Scan deal added meanwhile", 25)).Count;
                await Task.Delay(5, CancellationToken.None);
            }

            return added;
        }, Cancel);

        var seen = new List<int>();
        string? cursor = null;
        var calls = 0;
        do
        {
            var address = "/api/v1/deals?limit=500" + (cursor is null ? string.Empty : "&cursor=" + cursor);
            var response = await client.GetAsync(address, Cancel);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("id").GetInt32()));
            cursor = page.GetProperty("next").GetString();
            calls++;
        }
        while (cursor is not null && calls < 1000);

        await stop.CancelAsync();
        var added = await writer;

        Assert.True(added > 0, "The writer added no deal while the scan ran.");
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal(seen.Order(), seen);
        Assert.Empty(existing.Except(seen));
        Assert.True(calls >= Deals / 500, $"{calls} calls for {seen.Count} deals.");
    }

    [Fact]
    public async Task Scan_EditedCursor_Answers400Problem()
    {
        using var client = await factory.ClientForAsync("viewer");

        var response = await client.GetAsync("/api/v1/deals?cursor=not-a-cursor!", Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors").TryGetProperty("cursor", out _));
    }

    /// <summary>Adds deals straight into the file (as another writer would), returning their ids.</summary>
    private async Task<HashSet<int>> InsertAsync(string title, int count)
    {
        await using var connection = new SqliteConnection($"Data Source={factory.DatabasePath};Default Timeout=30");
        await connection.OpenAsync(Cancel);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(Cancel);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO Deals (Title, Kind, Status, AmountQualifier, AnnouncedOn, AnnouncedPrecision, ClosedPrecision, Version)
            VALUES ($title, 'Grant', 'Announced', 'Undisclosed', '2024-06-01', 'Month', 'Day', 0) RETURNING Id
            """;
        var parameter = command.Parameters.Add("$title", SqliteType.Text);
        var ids = new HashSet<int>();
        for (var i = 0; i < count; i++)
        {
            parameter.Value = $"{title} {i}";
            ids.Add(Convert.ToInt32(await command.ExecuteScalarAsync(Cancel), System.Globalization.CultureInfo.InvariantCulture));
        }

        await transaction.CommitAsync(Cancel);
        return ids;
    }

    private async Task<HashSet<int>> LiveIdsAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={factory.DatabasePath}");
        await connection.OpenAsync(Cancel);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Id FROM Deals WHERE DeletedAt IS NULL";
        await using var reader = await command.ExecuteReaderAsync(Cancel);
        var ids = new HashSet<int>();
        while (await reader.ReadAsync(Cancel))
        {
            ids.Add(reader.GetInt32(0));
        }

        return ids;
    }
}
