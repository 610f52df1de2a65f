using System.Text.Json.Nodes;
using AiDeals.Core.Data.Seeding;
using AiDeals.Core.Domain;
using AiDeals.Core.Features;
using AiDeals.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Tests;

/// <summary>The deal book loader refuses text longer than its field, naming the file, the entry's JSON path and the limit.</summary>
public class DealBookLimitsTests
{
    public static TheoryData<string, int> Fields => new()
    {
        { "$.deals[0].title", DealLimits.Title },
        { "$.deals[0].notes", DealLimits.Notes },
        { "$.deals[0].outcome", DealLimits.OutcomeNote },
        { "$.deals[0].citations[0].quote", CitationLimits.Quote },
        { "$.organizations[0].name", OrganizationLimits.Name },
        { "$.organizations[0].aliases[0]", OrganizationLimits.Name },
        { "$.organizations[0].description", OrganizationLimits.Description },
        { "$.organizations[0].website", OrganizationLimits.Website },
        { "$.sources[0].title", SourceLimits.Title },
        { "$.sources[0].publisher", SourceLimits.Publisher },
        { "$.sources[0].url", SourceLimits.Url },
        { "$.marketEvents[0].title", MarketEventLimits.Title },
        { "$.marketEvents[0].description", MarketEventLimits.Description },
    };

    [Theory]
    [MemberData(nameof(Fields))]
    public async Task InitializeAsync_TextOneOverTheLimit_IsRefusedAtItsPathAndWritesNothing(string path, int limit)
    {
        var text = path.EndsWith(".website", StringComparison.Ordinal) || path.EndsWith(".url", StringComparison.Ordinal)
            ? "https://example.com/" + new string('a', limit + 1 - "https://example.com/".Length)
            : new string('中', limit + 1);
        using var folder = new DealBookFolder(book => Set(book, path, text));
        await using var database = await TestDatabase.CreateAsync();

        var error = await Assert.ThrowsAsync<DealBookException>(
            () => database.Initializer.InitializeAsync(folder.DealBookPath, TestContext.Current.CancellationToken));

        Assert.Equal((folder.DealBookPath, path), (error.File, error.JsonPath));
        Assert.Equal(TextLimitAttribute.Message(limit, limit + 1), error.Problem);
        Assert.Contains(folder.DealBookPath, error.Message, StringComparison.Ordinal);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        await using var db = await database.CreateContextAsync();
        Assert.Equal(0, await db.Deals.IgnoreQueryFilters().CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, await db.AuditEntries.CountAsync(TestContext.Current.CancellationToken));
    }

    // "$.deals[0].citations[0].quote" → book["deals"][0]["citations"][0]["quote"] = text.
    private static void Set(JsonObject book, string path, string text)
    {
        JsonNode node = book;
        var steps = path[2..].Replace("[", ".[", StringComparison.Ordinal).Split('.');
        for (var i = 0; i < steps.Length - 1; i++)
        {
            node = Step(node, steps[i])!;
        }

        var last = steps[^1];
        if (last.StartsWith('['))
        {
            node[int.Parse(last[1..^1], System.Globalization.CultureInfo.InvariantCulture)] = text;
        }
        else
        {
            node[last] = text;
        }
    }

    private static JsonNode? Step(JsonNode node, string step) =>
        step.StartsWith('[') ? node[int.Parse(step[1..^1], System.Globalization.CultureInfo.InvariantCulture)] : node[step];
}
