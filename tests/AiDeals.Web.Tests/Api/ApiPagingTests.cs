using System.Data.Common;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AiDeals.Web.Tests.Support;

namespace AiDeals.Web.Tests.Api;

/// <summary>
/// A script reads every deal through the API by page token, in the default order and in another sort, while others add
/// deals: no deal that existed at the start skipped, none read twice, and the pages in the sort's order.
/// </summary>
[Collection(WebHostCollection.Name)]
public sealed class ApiPagingTests(ApiWebFactory factory)
{
    private const int Deals = 10_000;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("")]
    [InlineData("&sort=amount")]
    [InlineData("&sort=title&desc=false")]
    public async Task Paging_TenThousandDealsWhileAnotherTaskInserts_ReadsEachExistingDealExactlyOnceInOrder(string sort)
    {
        // The client first: it starts the app, which makes the database.
        using var client = await factory.ClientForAsync("viewer");
        await EnsureDealsAsync();
        var existing = await LiveDealsAsync();
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            var added = 0;
            while (!stop.IsCancellationRequested)
            {
                // Keys spread over the whole order: some land on pages already read, some on pages still to come.
                added += (await InsertAsync("Paging deal added meanwhile", 25, Random.Shared.Next())).Count;
                await Task.Delay(5, CancellationToken.None);
            }

            return added;
        }, Cancel);

        var seen = new List<JsonElement>();
        string? token = null;
        var calls = 0;
        do
        {
            var address = "/api/v1/deals?limit=500" + sort + (token is null ? string.Empty : "&cursor=" + token);
            var response = await client.GetAsync(address, Cancel);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(d => d.Clone()));
            token = page.GetProperty("next").GetString();
            calls++;
        }
        while (token is not null && calls < 1000);

        await stop.CancelAsync();
        var added = await writer;

        var ids = seen.Select(d => d.GetProperty("id").GetInt32()).ToList();
        Assert.True(added > 0, "The writer added no deal while the paging ran.");
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Empty(existing.Keys.Except(ids));
        Assert.True(calls >= Deals / 500, $"{calls} calls for {ids.Count} deals.");
        AssertInOrder(sort, seen.Select(d => d.GetProperty("id").GetInt32()).Where(existing.ContainsKey).Select(id => existing[id]).ToList());
    }

    [Fact]
    public async Task Paging_TokenOfAnotherSortEditedOrOfTheIdScan_Answers400Problem()
    {
        using var client = await factory.ClientForAsync("viewer");
        var first = await client.GetFromJsonAsync<JsonElement>("/api/v1/deals?limit=2&sort=amount", Cancel);
        var amountToken = first.GetProperty("next").GetString()!;
        var edited = Convert.ToBase64String(Encoding.UTF8.GetBytes("1|6|d|999999|lnot-a-number")).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var idScan = Convert.ToBase64String(Encoding.UTF8.GetBytes("id:5")).TrimEnd('=');

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/deals?limit=2&sort=amount&cursor=" + amountToken, Cancel)).StatusCode);
        foreach (var address in new[]
        {
            "/api/v1/deals?limit=2&cursor=" + amountToken,
            "/api/v1/deals?limit=2&sort=amount&desc=false&cursor=" + amountToken,
            "/api/v1/deals?sort=amount&cursor=" + edited,
            "/api/v1/deals?cursor=" + idScan,
            "/api/v1/deals?cursor=not-a-cursor!",
        })
        {
            var response = await client.GetAsync(address, Cancel);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors").TryGetProperty("cursor", out _), address);
        }
    }

    // The pages' rows, read at the start, in the order the sort promises: its key, then the id, both in its direction.
    private static void AssertInOrder(string sort, List<(string Title, long? Amount, string? Announced, int Id)> rows)
    {
        var expected = sort switch
        {
            "&sort=amount" => rows.OrderByDescending(r => r.Amount.HasValue).ThenByDescending(r => r.Amount).ThenByDescending(r => r.Id),
            "&sort=title&desc=false" => rows.OrderBy(r => r.Title, StringComparer.Ordinal).ThenBy(r => r.Id),
            _ => rows.OrderByDescending(r => r.Announced is not null).ThenByDescending(r => r.Announced, StringComparer.Ordinal).ThenByDescending(r => r.Id),
        };
        Assert.Equal(expected.Select(r => r.Id), rows.Select(r => r.Id));
    }

    private async Task EnsureDealsAsync()
    {
        var count = (await LiveDealsAsync()).Count;
        if (count < Deals)
        {
            await InsertAsync("Paging deal", Deals - count, seed: 17);
        }
    }

    /// <summary>
    /// Adds deals straight into the database (as another writer would), with varied titles, amounts and dates; the SQL
    /// (quoted names, <c>@</c> parameters) reads the same on SQLite and PostgreSQL.
    /// </summary>
    private async Task<HashSet<int>> InsertAsync(string title, int count, int seed)
    {
        var random = new Random(seed);
        await using var connection = factory.Database.Open();
        await using var transaction = await connection.BeginTransactionAsync(Cancel);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO "Deals" ("Title", "Kind", "Status", "AmountLow", "AmountHigh", "AmountQualifier", "AnnouncedOn", "AnnouncedPrecision", "ClosedPrecision", "Version")
            VALUES (@title, 'Grant', 'Announced', @amount, @amount, @qualifier, @on, 'Day', 'Day', 0) RETURNING "Id"
            """;
        var titleParameter = Add(command, "title");
        var amount = Add(command, "amount");
        var qualifier = Add(command, "qualifier");
        var on = Add(command, "on");
        var ids = new HashSet<int>();
        for (var i = 0; i < count; i++)
        {
            // Few distinct keys, so that many rows share one and the id decides their order.
            titleParameter.Value = $"{title} {(char)('A' + random.Next(26))}{random.Next(50)}";
            var undisclosed = random.Next(10) == 0;
            amount.Value = undisclosed ? DBNull.Value : random.Next(1, 200) * 1_000_000L;
            qualifier.Value = undisclosed ? "Undisclosed" : "Exact";
            on.Value = new DateOnly(2020, 1, 1).AddDays(random.Next(400));
            ids.Add(Convert.ToInt32(await command.ExecuteScalarAsync(Cancel), CultureInfo.InvariantCulture));
        }

        await transaction.CommitAsync(Cancel);
        return ids;
    }

    private static DbParameter Add(DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        command.Parameters.Add(parameter);
        return parameter;
    }

    private async Task<Dictionary<int, (string Title, long? Amount, string? Announced, int Id)>> LiveDealsAsync()
    {
        await using var connection = factory.Database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT "Id", "Title", COALESCE("AmountHigh", "AmountLow"), "AnnouncedOn" FROM "Deals" WHERE "DeletedAt" IS NULL""";
        await using var reader = await command.ExecuteReaderAsync(Cancel);
        var rows = new Dictionary<int, (string, long?, string?, int)>();
        while (await reader.ReadAsync(Cancel))
        {
            var id = reader.GetInt32(0);
            var announced = reader.IsDBNull(3) ? null : reader.GetFieldValue<DateOnly>(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            rows[id] = (reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetInt64(2), announced, id);
        }

        return rows;
    }
}
