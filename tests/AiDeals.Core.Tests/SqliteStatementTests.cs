using AiDeals.Core.Data;
using AiDeals.Core.Domain;
using AiDeals.Core.Features.Deals;
using AiDeals.Core.Tests.Support;
using AiDeals.Tests.Shared;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Tests;

/// <summary>
/// SQLite's own statement (<see cref="SqliteStatement"/>), which reads the deal list's page: it binds and reads each kind
/// of value as ADO.NET would, refuses what ADO.NET refuses, leaves nothing open on the connection, and reads the same
/// rows of the list as ADO.NET's reader for every kind of filter.
/// </summary>
[SqliteOnly("SQLite's own statement API; PostgreSQL's list is read through ADO.NET")]
public class SqliteStatementTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Step_ReadsEachKindOfValueAsBound()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = await database.CreateContextAsync();
        var connection = await OpenAsync(db);
        var values = new Dictionary<string, object?>
        {
            ["@text"] = "Société Générale — 東京 🚀",
            ["@long"] = 5_000_000_000L,
            ["@int"] = -7,
            ["@flag"] = true,
            ["@double"] = 1.5,
            ["@date"] = new DateOnly(2025, 1, 21),
            ["@null"] = null,
        };

        using var statement = new SqliteStatement(
            connection, "SELECT @text, @long, @int, @flag, @double, @date, @null, 'EquityInvestment', 'AtLeast', 'NotAKind', printf('%.80c', 'x')", values);

        Assert.True(statement.Step());
        Assert.Equal("Société Générale — 東京 🚀", statement.Text(0));
        Assert.Equal(5_000_000_000L, statement.Int64(1));
        Assert.Equal(-7, statement.Int32(2));
        Assert.True(statement.Boolean(3));
        Assert.Equal("1.5", statement.Text(4));
        Assert.Equal(new DateOnly(2025, 1, 21), statement.Date(5));
        Assert.False(statement.IsNull(5));
        Assert.True(statement.IsNull(6));
        Assert.Equal(DealKind.EquityInvestment, statement.Enum<DealKind>(7));
        Assert.Equal(AmountQualifier.AtLeast, statement.Enum<AmountQualifier>(8));
        // A name that is none of the enum's is refused, short or longer than the buffer a name is decoded into.
        Assert.Throws<ArgumentException>(() => statement.Enum<DealKind>(9));
        Assert.Equal(80, statement.Text(10).Length);
        Assert.Throws<ArgumentException>(() => statement.Enum<DealKind>(10));
        Assert.False(statement.Step());
    }

    [Fact]
    public async Task Text_WithANul_IsBoundAndReadWhole()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = await database.CreateContextAsync();
        using var statement = new SqliteStatement(await OpenAsync(db), "SELECT hex(@text), @text", new Dictionary<string, object?> { ["@text"] = "a\0b" });

        Assert.True(statement.Step());
        Assert.Equal("610062", statement.Text(0));
        Assert.Equal("a\0b", statement.Text(1));
    }

    [Fact]
    public async Task Int32_OfAValueBeyondItsRange_Throws()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = await database.CreateContextAsync();
        using var statement = new SqliteStatement(await OpenAsync(db), "SELECT 5000000000", new Dictionary<string, object?>());

        Assert.True(statement.Step());
        Assert.Throws<OverflowException>(() => statement.Int32(0));
    }

    [Fact]
    public async Task Refusals_AreErrors_AndLeaveNoStatementOpen()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = await database.CreateContextAsync();
        var connection = await OpenAsync(db);

        var unbound = Assert.Throws<InvalidOperationException>(() => new SqliteStatement(connection, "SELECT @missing", new Dictionary<string, object?>()));
        var malformed = Assert.Throws<SqliteException>(() => new SqliteStatement(connection, "SELECT FROM nowhere", new Dictionary<string, object?>()));
        var unknownType = Assert.Throws<NotSupportedException>(() => new SqliteStatement(connection, "SELECT @v", new Dictionary<string, object?> { ["@v"] = Guid.Empty }));
        using (var failing = new SqliteStatement(connection, "SELECT abs(-9223372036854775807 - 1)", new Dictionary<string, object?>()))
        {
            Assert.Throws<SqliteException>(() => failing.Step());
        }

        Assert.Contains("@missing", unbound.Message, StringComparison.Ordinal);
        Assert.Contains("syntax error", malformed.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(Guid), unknownType.Message, StringComparison.Ordinal);
        // Every statement, refused or run, was finalized: the connection holds none and still reads.
        Assert.Null(SQLitePCL.raw.sqlite3_next_stmt(connection.Handle, null));
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1";
        Assert.Equal(1L, await command.ExecuteScalarAsync(Token));
    }

    [Fact]
    public async Task ListPage_ReadsTheRowsAdoNetReads_ForEachKindOfFilter()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        await using (var writes = await database.CreateContextAsync())
        {
            // A deal reported in euros, converted at a day's rate, and a deal with no target: the columns the seed leaves empty.
            await writes.Database.ExecuteSqlRawAsync(
                "UPDATE \"Deals\" SET \"Currency\" = 'EUR', \"ReportedLow\" = 600000000, \"ReportedHigh\" = NULL, \"ReportedQualifier\" = 'AtLeast', \"RateOn\" = '2024-06-11' WHERE \"Title\" = {0}",
                [DealFixtures.WeWork],
                Token);
            await writes.Database.ExecuteSqlRawAsync("UPDATE \"Deals\" SET \"TargetId\" = NULL WHERE \"Title\" = {0}", [DealFixtures.StargateCommitment], Token);
        }

        DealFilter[] filters =
        [
            new(),
            new() { Sort = DealSortField.Amount, Descending = false, MinAmount = 1 },
            new() { Sort = DealSortField.Investors, Investors = ["softbank"] },
            new() { Sort = DealSortField.Target, Text = "SoftBank" },
            new() { Sort = DealSortField.Title, Statuses = [DealStatus.Announced, DealStatus.Completed], AnnouncedFrom = new DateOnly(2016, 1, 1) },
        ];
        await using var db = await database.CreateContextAsync();
        var connection = await OpenAsync(db);
        foreach (var filter in filters)
        {
            var sql = DealListSql.For(filter);
            var text = sql.Page(filter.Sort, range: null, $"{DealKeyset.KeySql(filter.Sort)}, d.\"Id\"", take: 100, skip: 0);
            var read = new List<DealRow>();
            await DealListReader.ReadPageAsync(connection, sql, text, read, observer: null, Token);

            var expected = new List<DealRow>();
            await using (var command = sql.Command(connection, text))
            await using (var reader = await command.ExecuteReaderAsync(Token))
            {
                var columns = new ReaderColumns(reader);
                while (await reader.ReadAsync(Token))
                {
                    expected.Add(DealListReader.Row(columns));
                }
            }

            Assert.NotEmpty(expected);
            Assert.Equal(expected.Select(Plain), read.Select(Plain));
            Assert.Equal(expected.Select(r => string.Join('|', r.Investors)), read.Select(r => string.Join('|', r.Investors)));
        }

        var all = new List<DealRow>();
        var everything = DealListSql.For(new DealFilter());
        await DealListReader.ReadPageAsync(connection, everything, everything.Page(DealSortField.Announced, null, "d.\"Id\"", 100, 0), all, null, Token);
        Assert.Contains(all, r => r is { Currency: "EUR", ReportedLow: 600_000_000, ReportedQualifier: AmountQualifier.AtLeast, RateOn: { Year: 2024, Month: 6, Day: 11 } });
        Assert.Contains(all, r => r.Target is null);
        Assert.Contains(all, r => r.IsUmbrella);
    }

    // A row without its investors' list, whose equality is the list's reference.
    private static DealRow Plain(DealRow row) => row with { Investors = [] };

    private static async Task<SqliteConnection> OpenAsync(AiDealsDbContext db)
    {
        await db.Database.OpenConnectionAsync(Token);
        return (SqliteConnection)db.Database.GetDbConnection();
    }
}
