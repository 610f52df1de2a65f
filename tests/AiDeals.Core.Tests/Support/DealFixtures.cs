using AiDeals.Core.Domain;
using AiDeals.Core.Features;
using AiDeals.Core.Features.Deals;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Tests.Support;

/// <summary>The article's deals by title, and what the deal tests build and read on a seeded database.</summary>
internal static class DealFixtures
{
    public const string Partnership = "SoftBank–OpenAI AI partnership";

    public const string Equity = "SoftBank direct investment in OpenAI";

    public const string StargateProject = "Stargate AI data-center project";

    public const string StargateCommitment = "SoftBank commitment to Stargate";

    public const string WeWork = "SoftBank investment in WeWork";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public static async Task<DealForm> NewFormAsync(TestDatabase database) => new()
    {
        Title = "Nvidia stake in OpenAI",
        Kind = DealKind.EquityInvestment,
        Status = DealStatus.Announced,
        TargetId = await OrganizationIdAsync(database, "OpenAI"),
        AmountLow = 1_000_000_000,
        AmountHigh = 2_500_000_000,
        AmountQualifier = AmountQualifier.Range,
        AnnouncedOn = new DateOnly(2025, 3, 14),
        AnnouncedPrecision = DatePrecision.Month,
        Participants = [new ParticipantForm { OrganizationId = await OrganizationIdAsync(database, "Nvidia"), Role = ParticipantRole.Lead }],
        Citations = [new CitationForm { SourceId = await SourceIdAsync(database), Quote = "It’s a big bet." }],
    };

    public static async Task<DealForm> FormOfAsync(TestDatabase database, string title) =>
        (await database.DealForms.GetFormAsync(await IdOfAsync(database, title), Token))!;

    public static async Task<int> IdOfAsync(TestDatabase database, string title)
    {
        await using var db = await database.CreateContextAsync();
        return await db.Deals.Where(d => d.Title == title).Select(d => d.Id).SingleAsync(Token);
    }

    public static async Task<int> OrganizationIdAsync(TestDatabase database, string name)
    {
        await using var db = await database.CreateContextAsync();
        return await db.Organizations.Where(o => o.Name == name).Select(o => o.Id).SingleAsync(Token);
    }

    public static async Task<int> SourceIdAsync(TestDatabase database)
    {
        await using var db = await database.CreateContextAsync();
        return await db.Sources.Select(s => s.Id).FirstAsync(Token);
    }

    public static async Task<int> CountDealsAsync(TestDatabase database)
    {
        await using var db = await database.CreateContextAsync();
        return await db.Deals.CountAsync(Token);
    }

    public static async Task<List<AuditEntry>> AuditsAsync(TestDatabase database)
    {
        await using var db = await database.CreateContextAsync();
        return await db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).ToListAsync(Token);
    }

    public static void AssertInvalid(CommandResult result, string field, string message)
    {
        Assert.Equal(CommandOutcome.Invalid, result.Outcome);
        Assert.True(result.Errors.ContainsKey(field), $"No message for '{field}'; got {string.Join(", ", result.Errors.Keys)}.");
        Assert.Equal([message], result.Errors[field]);
    }
}
