using AiDeals.Core.Domain;
using AiDeals.Core.Features.History;
using AiDeals.Core.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using AiDeals.Tests.Shared;

namespace AiDeals.Core.Tests.Rates;

/// <summary>
/// A database made before amounts had a currency, migrated: every deal is in US dollars with the very figures it had,
/// counted as before, opened in the editor in dollars, and its audited past still reads back.
/// </summary>
public sealed class CurrencyMigrationTests
{
    private const long B = 1_000_000_000;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    [SqliteOnly("A SQLite database of a schema older than the first PostgreSQL migration migrated up: PostgreSQL databases begin at a schema that already has deals' currencies")]
    public async Task Migrate_DatabaseOfTheSchemaBefore_KeepsEveryAmountInDollars()
    {
        await using var database = TestDatabase.AtNewPath();
        await using (var db = await database.Contexts.CreateDbContextAsync(Token))
        {
            // The schema before currencies, with deals as that version wrote them, one edited (its audit entry says how;
            // the raw SQL's braces are doubled, as it is a format string).
            await db.GetService<IMigrator>().MigrateAsync("20261201203529_DealSearch", Token);
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO Deals (Id, Title, Kind, Status, AmountLow, AmountHigh, AmountQualifier, AnnouncedOn, AnnouncedPrecision, ClosedPrecision, Version, ParentId, DeletedAt)
                VALUES (1, 'Equity', 'EquityInvestment', 'Announced', 15000000000, 25000000000, 'Range', '2025-01-21', 'Day', 'Day', 1, NULL, NULL),
                       (2, 'Stargate', 'InfrastructureCommitment', 'Announced', 100000000000, 500000000000, 'Range', '2025-01-21', 'Day', 'Day', 0, NULL, NULL),
                       (3, 'WeWork', 'Debt', 'Completed', 16000000000, 16000000000, 'Exact', '2019-01-01', 'Year', 'Day', 0, NULL, NULL),
                       (4, 'Talks', 'Partnership', 'InTalks', NULL, NULL, 'Undisclosed', NULL, 'Day', 'Day', 0, NULL, NULL);
                INSERT INTO AuditEntries (EntityType, EntityId, Action, AtUtc, "User", Changes)
                VALUES ('Deal', '1', 'Updated', '2025-02-01 12:00:00', 'ann@aideals.test', '{{"AmountLow":{{"old":10000000000,"new":15000000000}}}}');
                """, Token);
        }

        await using (var db = await database.Contexts.CreateDbContextAsync(Token))
        {
            await db.Database.MigrateAsync(Token);
            Assert.Empty(await db.Database.GetPendingMigrationsAsync(Token));
            var deals = await db.Deals.AsNoTracking().OrderBy(d => d.Id).ToListAsync(Token);
            Assert.Equal(
                [(15 * B, (long?)(25 * B), AmountQualifier.Range), (100 * B, 500 * B, AmountQualifier.Range), (16 * B, 16 * B, AmountQualifier.Exact), (null, null, AmountQualifier.Undisclosed)],
                deals.Select(d => (d.AmountLow, d.AmountHigh, d.AmountQualifier)));
            Assert.All(deals, d =>
            {
                Assert.Equal(Currencies.Usd, d.Currency);
                Assert.Equal((null, null, null, null, null), (d.ReportedLow, d.ReportedHigh, d.ReportedQualifier, d.RateUnitsPerUsd, d.RateOn));
                Assert.Equal(d.Amount, d.Reported);
                Assert.False(d.IsUnconverted);
            });
        }

        // Counted as before, nothing left out; the editor opens the edited deal in dollars; its past amount reads back.
        var capital = (await database.Dashboard.GetSummaryAsync(Token)).Capital;
        Assert.Equal((131 * B, 541 * B), (capital.Low, capital.High));
        Assert.Equal(0, await database.RateQueries.UnconvertedCountAsync(Token));
        var form = (await database.DealForms.GetFormAsync(1, Token))!;
        Assert.Equal((Currencies.Usd, (long?)(15 * B), (long?)(25 * B)), (form.Currency, form.AmountLow, form.AmountHigh));
        var asOf = new DealAsOfQueries(database.Contexts);
        Assert.Equal("$10B–$25B", (await asOf.GetAsync(1, new DateOnly(2025, 1, 31), Token))!.AsReported.ToString());
        Assert.Equal("$15B–$25B", (await asOf.GetAsync(1, new DateOnly(2025, 2, 1), Token))!.AsReported.ToString());
        SqliteConnection.ClearAllPools();
    }
}
