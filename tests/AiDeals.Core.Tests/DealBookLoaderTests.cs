using System.Text.Json.Nodes;
using AiDeals.Core.Data;
using AiDeals.Core.Data.Seeding;
using AiDeals.Core.Domain;
using AiDeals.Core.Features;
using AiDeals.Core.Features.Deals;
using AiDeals.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Tests;

public class DealBookLoaderTests
{
    [Fact]
    public async Task InitializeAsync_ArticleDealBook_LoadsEveryEntry()
    {
        await using var database = await TestDatabase.CreateSeededAsync();

        var counts = await CountAsync(database);

        Assert.Equal(new EntityCounts(Organizations: 7, Deals: 6, Valuations: 1, MarketEvents: 5, Sources: 1, Citations: CountQuotes()), counts);
    }

    [Fact]
    public async Task LoadAsync_ArticleDealBook_ReportsWhatItLoaded()
    {
        await using var database = await TestDatabase.CreateAsync();

        var result = await database.Loader.LoadAsync(SeedData.DealBookPath, TestContext.Current.CancellationToken);

        Assert.Equal(new DealBookLoadResult(true, 7, 6, 1, 5), result);
        await using var db = await database.CreateContextAsync();
        var seedAudits = await db.AuditEntries.CountAsync(a => a.User == DealBookLoader.SeedUser, TestContext.Current.CancellationToken);
        Assert.True(seedAudits >= 7 + 6 + 1 + 5, $"expected an audit entry per seeded row, found {seedAudits}");
    }

    [Fact]
    public async Task InitializeAsync_RunTwice_AddsNothingTheSecondTime()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var first = await CountAsync(database);

        await database.Initializer.InitializeAsync(SeedData.DealBookPath, TestContext.Current.CancellationToken);
        var second = await database.Loader.LoadIfEmptyAsync(SeedData.DealBookPath, TestContext.Current.CancellationToken);

        Assert.False(second.Loaded);
        Assert.Equal(first, await CountAsync(database));
    }

    [Fact]
    public async Task InitializeAsync_ArticleDealBook_LinksTheUmbrellaToItsTwoChildren()
    {
        var book = SeedData.ReadDealBook();
        var umbrella = book.Objects("deals").Single(d => d.Text("key") == "softbank-openai-partnership");
        var expectedChildren = book.Objects("deals")
            .Where(d => d["partOf"]?.AsArray().Any(k => k!.GetValue<string>() == "softbank-openai-partnership") == true)
            .Select(d => d.Text("title"))
            .Order(StringComparer.Ordinal)
            .ToList();
        await using var database = await TestDatabase.CreateSeededAsync();
        await using var db = await database.CreateContextAsync();

        var deal = await db.Deals.Include(d => d.Parts).ThenInclude(l => l.Part).Include(d => d.PartOf).Include(d => d.Target)
            .SingleAsync(d => d.Title == umbrella.Text("title"), TestContext.Current.CancellationToken);

        Assert.Equal(2, expectedChildren.Count);
        Assert.Equal(expectedChildren, deal.Parts.Select(l => l.Part!.Title).Order(StringComparer.Ordinal));
        Assert.Empty(deal.PartOf);
        Assert.Equal("openai", deal.Target!.Slug);
        Assert.Equal(AmountRange.AtLeast(40_000_000_000), deal.Amount);
        Assert.Equal(PartialDate.Month(2025, 1), deal.Announced);
    }

    [Fact]
    public async Task InitializeAsync_ArticleDealBook_KeepsAliasesCitationsAndSignedEventAmounts()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        await using var db = await database.CreateContextAsync();

        var softBank = await db.Organizations.Include(o => o.Aliases).Include(o => o.Citations)
            .SingleAsync(o => o.Slug == "softbank", TestContext.Current.CancellationToken);
        var nvidiaDrop = await db.MarketEvents.Include(e => e.Organizations)
            .SingleAsync(e => e.Amount != null, TestContext.Current.CancellationToken);

        Assert.Equal("SoftBank Group", softBank.Name);
        Assert.Equal("SOFTBANK GROUP", softBank.NormalizedName);
        Assert.Equal(["SoftBank", "SoftBank Group Corp."], softBank.Aliases.Select(a => a.Name).Order(StringComparer.Ordinal));
        Assert.Equal(2, softBank.Citations.Count);
        Assert.Equal(-589_000_000_000, nvidiaDrop.Amount);
        Assert.Equal(2, nvidiaDrop.Organizations.Count);
    }

    [Fact]
    public async Task InitializeAsync_OrganizationAlreadyEntered_ReusesItInsteadOfDuplicating()
    {
        await using var database = await TestDatabase.CreateAsync();
        int existingId;
        await using (var db = await database.CreateContextAsync())
        {
            var entered = new Organization { Name = "softbank group", Slug = "sbg", Type = OrganizationType.Conglomerate };
            db.Organizations.Add(entered);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            existingId = entered.Id;
        }

        await database.Initializer.InitializeAsync(SeedData.DealBookPath, TestContext.Current.CancellationToken);

        await using var reader = await database.CreateContextAsync();
        Assert.Equal(7, await reader.Organizations.CountAsync(TestContext.Current.CancellationToken));
        var softBankDeals = await reader.DealParticipants.CountAsync(p => p.OrganizationId == existingId, TestContext.Current.CancellationToken);
        Assert.Equal(5, softBankDeals);
        Assert.Equal(2, await reader.Citations.CountAsync(c => c.OrganizationId == existingId, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task InitializeAsync_BadJsonSyntax_ThrowsWithTheLineAndWritesNothing()
    {
        using var folder = new DealBookFolder();
        var text = File.ReadAllText(SeedData.DealBookPath);
        const string Valid = "\"key\": \"softbank\",";
        Assert.Contains(Valid, text, StringComparison.Ordinal);
        File.WriteAllText(folder.DealBookPath, text.Replace(Valid, "\"key\": \"softbank\"", StringComparison.Ordinal));
        var nameLine = text[..text.IndexOf("\"name\": \"SoftBank Group\"", StringComparison.Ordinal)].Count(c => c == '\n') + 1;

        var error = await AssertRejectedAsync(folder.DealBookPath);

        Assert.StartsWith("$.organizations[0]", error.JsonPath, StringComparison.Ordinal);
        Assert.Contains($"line {nameLine},", error.Message, StringComparison.Ordinal);
        Assert.Contains("invalid", error.Problem, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task InitializeAsync_DealTargetsUnknownOrganization_ThrowsAtTheTargetAndWritesNothing()
    {
        using var folder = new DealBookFolder(book => book["deals"]![0]!["target"] = "anthropic");

        var error = await AssertRejectedAsync(folder.DealBookPath);

        Assert.Equal("$.deals[0].target", error.JsonPath);
        Assert.Equal("no organization has the key 'anthropic'.", error.Problem);
    }

    [Fact]
    public async Task InitializeAsync_AmountLowAboveHigh_ThrowsAtTheAmountAndWritesNothing()
    {
        using var folder = new DealBookFolder(book => book["deals"]![0]!["amount"] = new JsonObject
        {
            ["low"] = 40_000_000_000,
            ["high"] = 25_000_000_000,
            ["qualifier"] = "Range",
        });

        var error = await AssertRejectedAsync(folder.DealBookPath);

        Assert.Equal("$.deals[0].amount", error.JsonPath);
        Assert.Equal("The low amount ($40B) is above the high amount ($25B).", error.Problem);
    }

    [Fact]
    public async Task InitializeAsync_ParticipantTwice_ThrowsTheEditorsMessageAtTheSecondOne()
    {
        using var folder = new DealBookFolder(book => book["deals"]![0]!["participants"]!.AsArray()
            .Add(new JsonObject { ["organization"] = "softbank", ["role"] = "Backer" }));

        var error = await AssertRejectedAsync(folder.DealBookPath);

        Assert.Equal("$.deals[0].participants[1].organization", error.JsonPath);
        Assert.Equal("This organization is already a participant: an organization takes part once per deal.", error.Problem);
    }

    [Fact]
    public async Task InitializeAsync_DealClosedBeforeItWasAnnounced_ThrowsTheEditorsMessageAtTheClosedDate()
    {
        using var folder = new DealBookFolder(book => book["deals"]![0]!["closed"] = "2024-12");

        var error = await AssertRejectedAsync(folder.DealBookPath);

        Assert.Equal("$.deals[0].closed", error.JsonPath);
        Assert.Equal(ExpectedClosingMessage(), error.Problem);
    }

    [Fact]
    public async Task InitializeAsync_CommitmentThatBreaksTheAmountRules_ThrowsAtTheCommitment()
    {
        using var folder = new DealBookFolder(book => book["deals"]![0]!["participants"]![0]!["commitment"] = new JsonObject
        {
            ["low"] = 5_000_000_000,
            ["high"] = 1_000_000_000,
            ["qualifier"] = "Range",
        });

        var error = await AssertRejectedAsync(folder.DealBookPath);

        Assert.Equal("$.deals[0].participants[0].commitment", error.JsonPath);
        Assert.Equal("The low amount ($5B) is above the high amount ($1B).", error.Problem);
    }

    [Fact]
    public async Task InitializeAsync_CountryCodeNoCountryHas_ThrowsAtTheCountry()
    {
        using var folder = new DealBookFolder(book => book["organizations"]![0]!["country"] = "XX");

        var error = await AssertRejectedAsync(folder.DealBookPath);

        Assert.Equal("$.organizations[0].country", error.JsonPath);
        Assert.Contains("'XX' is not an ISO 3166 alpha-2 country code", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InitializeAsync_WebsiteThatIsNotHttp_ThrowsAtTheWebsite()
    {
        using var folder = new DealBookFolder(book => book["organizations"]![0]!["website"] = "javascript:alert(1)");

        var error = await AssertRejectedAsync(folder.DealBookPath);

        Assert.Equal("$.organizations[0].website", error.JsonPath);
        Assert.Equal("'javascript:alert(1)' is not an http(s) URL.", error.Problem);
    }

    [Fact]
    public async Task InitializeAsync_ValuationOfZeroDollars_ThrowsTheEditorsMessageAtTheAmount()
    {
        using var folder = new DealBookFolder(book => book["valuations"]![0]!["amount"] = 0);

        var error = await AssertRejectedAsync(folder.DealBookPath);

        Assert.Equal("$.valuations[0].amount", error.JsonPath);
        Assert.Equal("A valuation is more than zero dollars.", error.Problem);
    }

    [Fact]
    public async Task InitializeAsync_CitationWithoutQuote_ThrowsAtTheQuoteAndWritesNothing()
    {
        using var folder = new DealBookFolder(book => book["deals"]![0]!["citations"]![0]!.AsObject().Remove("quote"));

        var error = await AssertRejectedAsync(folder.DealBookPath);

        Assert.Equal("$.deals[0].citations[0].quote", error.JsonPath);
        Assert.Equal("a citation needs the verbatim quote that backs the figure.", error.Problem);
    }

    [Fact]
    public async Task InitializeAsync_QuoteNotInTheArticle_ThrowsAtTheQuoteAndWritesNothing()
    {
        const string Misquote = "SoftBank could spend more than $50 billion on AI initiatives with OpenAI.";
        using var folder = new DealBookFolder(book => book["deals"]![0]!["citations"]![0]!["quote"] = Misquote);

        var error = await AssertRejectedAsync(folder.DealBookPath);

        Assert.Equal("$.deals[0].citations[0].quote", error.JsonPath);
        Assert.Contains("not found verbatim in the source document", error.Problem, StringComparison.Ordinal);
        Assert.Contains(Misquote, error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InitializeAsync_ErrorInTheLastEntry_WritesNothingOfTheEntriesBeforeIt()
    {
        using var folder = new DealBookFolder(book => book["marketEvents"]![4]!["organizations"]![0] = "nobody");

        var error = await AssertRejectedAsync(folder.DealBookPath);

        Assert.Equal("$.marketEvents[4].organizations[0]", error.JsonPath);
    }

    [Fact]
    public async Task InitializeAsync_MissingFile_ThrowsNamingTheFile()
    {
        using var folder = new DealBookFolder();
        File.Delete(folder.DealBookPath);

        var error = await AssertRejectedAsync(folder.DealBookPath);

        Assert.Equal("$", error.JsonPath);
        Assert.Contains("does not exist", error.Problem, StringComparison.Ordinal);
    }

    /// <summary>Initializes an empty database with the deal book and checks that it failed as a whole: no row written.</summary>
    private static async Task<DealBookException> AssertRejectedAsync(string path)
    {
        await using var database = await TestDatabase.CreateAsync();

        var error = await Assert.ThrowsAsync<DealBookException>(
            () => database.Initializer.InitializeAsync(path, TestContext.Current.CancellationToken));

        Assert.Equal(path, error.File);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains(error.JsonPath, error.Message, StringComparison.Ordinal);
        Assert.Contains(error.Problem, error.Message, StringComparison.Ordinal);
        Assert.Equal(new EntityCounts(0, 0, 0, 0, 0, 0), await CountAsync(database));
        await using var db = await database.CreateContextAsync();
        Assert.Equal(0, await db.AuditEntries.CountAsync(TestContext.Current.CancellationToken));
        return error;
    }

    private static async Task<EntityCounts> CountAsync(TestDatabase database)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var db = await database.CreateContextAsync();
        return new EntityCounts(
            await db.Organizations.IgnoreQueryFilters().CountAsync(cancellationToken),
            await db.Deals.IgnoreQueryFilters().CountAsync(cancellationToken),
            await db.Valuations.IgnoreQueryFilters().CountAsync(cancellationToken),
            await db.MarketEvents.IgnoreQueryFilters().CountAsync(cancellationToken),
            await db.Sources.IgnoreQueryFilters().CountAsync(cancellationToken),
            await db.Citations.IgnoreQueryFilters().CountAsync(cancellationToken));
    }

    // The deal editor's verdict on the same dates, so that the test says "the same message" rather than copying it.
    private static string ExpectedClosingMessage()
    {
        var errors = new FieldErrors();
        DealValidator.Validate(
            new DealForm
            {
                Title = "Probe",
                AnnouncedOn = new DateOnly(2025, 1, 1),
                AnnouncedPrecision = DatePrecision.Month,
                ClosedOn = new DateOnly(2024, 12, 1),
                ClosedPrecision = DatePrecision.Month,
            },
            dealId: 0,
            errors);
        return Assert.Single(errors.ToDictionary()[nameof(DealForm.ClosedOn)]);
    }

    private static int CountQuotes()
    {
        var book = SeedData.ReadDealBook();
        return new[] { "organizations", "deals", "valuations", "marketEvents" }
            .Sum(array => book.Objects(array).Sum(entry => entry["citations"]!.AsArray().Count));
    }

    private sealed record EntityCounts(int Organizations, int Deals, int Valuations, int MarketEvents, int Sources, int Citations);
}
