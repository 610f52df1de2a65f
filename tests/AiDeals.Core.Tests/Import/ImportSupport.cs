using System.Text;
using AiDeals.Core.Data;
using AiDeals.Core.Features.Accounts;
using AiDeals.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Tests.Import;

/// <summary>What import tests share: an analyst, an export to bytes, and the counts of every table the import writes.</summary>
internal static class ImportSupport
{
    public static Actor Analyst { get; } = Actor.Create("ann@aideals.local", Roles.Analyst);

    public static CancellationToken Token => TestContext.Current.CancellationToken;

    public static async Task<byte[]> ExportAsync(TestDatabase database)
    {
        using var stream = new MemoryStream();
        await database.Exporter.WriteAllAsync(stream, Token);
        return stream.ToArray();
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>Rows per table (deleted ones included) and audit entries: what "nothing written" compares.</summary>
    public static async Task<string> CountsAsync(TestDatabase database)
    {
        // One statement rather than a query per table: the bad-file corpus asks twice per file.
        await using var connection = await database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT 'organizations ' || (SELECT COUNT(*) FROM "Organizations")
                || ', aliases ' || (SELECT COUNT(*) FROM "OrganizationAliases")
                || ', sources ' || (SELECT COUNT(*) FROM "Sources")
                || ', deals ' || (SELECT COUNT(*) FROM "Deals")
                || ', participants ' || (SELECT COUNT(*) FROM "DealParticipants")
                || ', citations ' || (SELECT COUNT(*) FROM "Citations")
                || ', valuations ' || (SELECT COUNT(*) FROM "Valuations")
                || ', events ' || (SELECT COUNT(*) FROM "MarketEvents")
                || ', versions ' || ((SELECT COALESCE(SUM("Version"), 0) FROM "Deals") + (SELECT COALESCE(SUM("Version"), 0) FROM "Organizations"))
                || ', audit ' || (SELECT COUNT(*) FROM "AuditEntries")
            """;
        return (string)(await command.ExecuteScalarAsync(Token))!;
    }

    public static async Task<int> AuditCountAsync(TestDatabase database)
    {
        await using var db = await database.Contexts.CreateDbContextAsync(Token);
        return await db.AuditEntries.CountAsync(Token);
    }
}
