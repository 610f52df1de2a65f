using AiDeals.Core.Domain;
using AiDeals.Core.Features.Organizations;
using AiDeals.Core.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using AiDeals.Core.Data;

namespace AiDeals.Core.Tests.Rates;

/// <summary>
/// A database made before commitments had a currency (deals already did), migrated: every commitment is in US dollars
/// with the very figures it had, counted as before, and opened in the editor in dollars.
/// </summary>
public sealed class CommitmentCurrencyMigrationTests
{
    private const long B = 1_000_000_000;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Migrate_DatabaseOfTheSchemaBefore_KeepsEveryCommitmentInDollars()
    {
        await using var database = TestDatabase.AtNewPath();
        await using (var db = await database.Contexts.CreateDbContextAsync(Token))
        {
            // The last migration before commitments had a currency, in each engine's migrations.
            await db.GetService<IMigrator>().MigrateAsync(
                database.Provider == DatabaseProvider.PostgreSql ? "20261202064240_DataProtectionKeys" : "20261202040918_AmountsInTheirCurrency", Token);
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO "Organizations" ("Id", "Name", "NormalizedName", "Slug", "Type", "Version") VALUES
                    (1, 'SoftBank Group', 'SOFTBANK GROUP', 'softbank-group', 'Conglomerate', 0),
                    (2, 'OpenAI', 'OPENAI', 'openai', 'Company', 0),
                    (3, 'Mistral AI', 'MISTRAL AI', 'mistral-ai', 'Company', 0);
                INSERT INTO "Deals" ("Id", "Title", "Kind", "Status", "TargetId", "AmountLow", "AmountHigh", "AmountQualifier", "AnnouncedOn", "AnnouncedPrecision", "ClosedPrecision", "Version", "Currency",
                                   "ReportedLow", "ReportedHigh", "ReportedQualifier", "RateUnitsPerUsd", "RateOn")
                VALUES (1, 'Equity', 'EquityInvestment', 'Announced', 2, 15000000000, 25000000000, 'Range', '2025-01-21', 'Day', 'Day', 0, 'USD', NULL, NULL, NULL, NULL, NULL),
                       (2, 'Mistral round', 'EquityInvestment', 'Completed', 3, 646000000, 646000000, 'Exact', '2024-06-11', 'Day', 'Day', 0, 'EUR', 600000000, 600000000, 'Exact', 0.928, '2024-06-11');
                INSERT INTO "DealParticipants" ("Id", "DealId", "OrganizationId", "Role", "CommitmentLow", "CommitmentHigh", "CommitmentQualifier", "Version")
                VALUES (1, 1, 1, 'Lead', 15000000000, 25000000000, 'Range', 0),
                       (2, 2, 1, 'CoInvestor', 100000000, 100000000, 'Exact', 0);
                """, Token);
        }

        await using (var db = await database.Contexts.CreateDbContextAsync(Token))
        {
            await db.Database.MigrateAsync(Token);
            Assert.Empty(await db.Database.GetPendingMigrationsAsync(Token));
            var participants = await db.DealParticipants.AsNoTracking().OrderBy(p => p.Id).ToListAsync(Token);
            Assert.Equal(
                [(15 * B, (long?)(25 * B), AmountQualifier.Range), (100_000_000, 100_000_000, AmountQualifier.Exact)],
                participants.Select(p => (p.CommitmentLow!.Value, p.CommitmentHigh, p.CommitmentQualifier)));
            Assert.All(participants, p =>
            {
                Assert.Equal(Currencies.Usd, p.Currency);
                Assert.Equal((null, null, null, null, null), (p.ReportedLow, p.ReportedHigh, p.ReportedQualifier, p.RateUnitsPerUsd, p.RateOn));
                Assert.Equal(p.Commitment, p.Reported);
                Assert.False(p.IsUnconverted);
            });
        }

        var softBank = (await new OrganizationProfileQueries(database.Contexts).GetProfileAsync("softbank-group", Token))!;
        Assert.Equal((15 * B + 100_000_000, 25 * B + 100_000_000), (softBank.TotalCommitted.Low, softBank.TotalCommitted.High));
        Assert.Equal(0, softBank.UnconvertedDeals);
        var form = (await database.DealForms.GetFormAsync(2, Token))!;
        Assert.Equal(("EUR", Currencies.Usd, (long?)100_000_000), (form.Currency, form.Participants[0].Currency, form.Participants[0].CommitmentLow));
        SqliteConnection.ClearAllPools();
    }
}
