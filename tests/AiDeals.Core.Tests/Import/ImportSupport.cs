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
        await using var db = await database.Contexts.CreateDbContextAsync(Token);
        return string.Join(", ",
            $"organizations {await db.Organizations.IgnoreQueryFilters().CountAsync(Token)}",
            $"aliases {await db.OrganizationAliases.CountAsync(Token)}",
            $"sources {await db.Sources.IgnoreQueryFilters().CountAsync(Token)}",
            $"deals {await db.Deals.IgnoreQueryFilters().CountAsync(Token)}",
            $"participants {await db.DealParticipants.IgnoreQueryFilters().CountAsync(Token)}",
            $"citations {await db.Citations.IgnoreQueryFilters().CountAsync(Token)}",
            $"valuations {await db.Valuations.IgnoreQueryFilters().CountAsync(Token)}",
            $"events {await db.MarketEvents.IgnoreQueryFilters().CountAsync(Token)}",
            $"versions {await db.Deals.IgnoreQueryFilters().SumAsync(d => d.Version, Token) + await db.Organizations.IgnoreQueryFilters().SumAsync(o => o.Version, Token)}",
            $"audit {await db.AuditEntries.CountAsync(Token)}");
    }

    public static async Task<int> AuditCountAsync(TestDatabase database)
    {
        await using var db = await database.Contexts.CreateDbContextAsync(Token);
        return await db.AuditEntries.CountAsync(Token);
    }
}
