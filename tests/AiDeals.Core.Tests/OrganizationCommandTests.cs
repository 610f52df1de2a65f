using System.Globalization;
using AiDeals.Core.Domain;
using AiDeals.Core.Features;
using AiDeals.Core.Features.Accounts;
using AiDeals.Core.Features.Organizations;
using AiDeals.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Tests;

/// <summary>Creating, editing, deleting and restoring organizations on the article's deal book.</summary>
public class OrganizationCommandTests
{
    private static readonly Actor Analyst = Actor.Create("ann@aideals.local", Roles.Analyst);
    private static readonly Actor OtherAnalyst = Actor.Create("bob@aideals.local", Roles.Analyst);
    private static readonly Actor Viewer = Actor.Create("vic@aideals.local", Roles.Viewer);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static OrganizationQueries Organizations(TestDatabase database) => new(database.Contexts);

    internal static OrganizationForm NewForm(string name, params string[] aliases) => new()
    {
        Name = name,
        Aliases = [.. aliases],
        Type = OrganizationType.Company,
        Country = "fr",
        Website = "https://mistral.ai",
        Description = "French AI lab.",
        FoundedYear = 2023,
    };

    [Fact]
    public async Task Create_ValidForm_SavesItWithSlugAliasesAndAnAuditEntryByTheActor()
    {
        await using var database = await TestDatabase.CreateSeededAsync();

        var result = await database.Commands.RunAsync(Analyst, new CreateOrganization(NewForm("Mistral AI", "Mistral", " ", "mistral")), Token);

        Assert.Equal(CommandOutcome.Saved, result.Outcome);
        await using var db = await database.CreateContextAsync();
        var stored = await db.Organizations.AsNoTracking().Include(o => o.Aliases).SingleAsync(o => o.Id == result.Id, Token);
        Assert.Equal("mistral-ai", stored.Slug);
        Assert.Equal("FR", stored.Country);
        Assert.Equal(["Mistral"], stored.Aliases.Select(a => a.Name));
        var audit = await db.AuditEntries.AsNoTracking()
            .SingleAsync(a => a.EntityType == nameof(Organization) && a.EntityId == Id(result), Token);
        Assert.Equal((AuditAction.Created, Analyst.UserName), (audit.Action, audit.User));
    }

    [Fact]
    public async Task Create_Viewer_IsForbiddenAndSavesNothing()
    {
        await using var database = await TestDatabase.CreateSeededAsync();

        var result = await database.Commands.RunAsync(Viewer, new CreateOrganization(NewForm("Mistral AI")), Token);

        Assert.Equal(CommandOutcome.Forbidden, result.Outcome);
        await using var db = await database.CreateContextAsync();
        Assert.False(await db.Organizations.AnyAsync(o => o.Name == "Mistral AI", Token));
    }

    [Theory]
    [InlineData("openai", null, "Name", "“openai” is already the name of OpenAI.")]
    [InlineData("SOFTBANK", null, "Name", "“SOFTBANK” is already an alias of SoftBank Group.")]
    [InlineData("Mistral AI", "nvidia", "Aliases", "The alias “nvidia” is already the name of Nvidia.")]
    [InlineData("Mistral AI", "Stargate project", "Aliases", "The alias “Stargate project” is already an alias of Stargate.")]
    [InlineData("Mistral AI", "mistral ai", "Aliases", "The alias “mistral ai” repeats the name.")]
    public async Task Create_NameOrAliasTakenCaseInsensitively_IsInvalidAndNamesTheOtherOrganization(
        string name, string? alias, string field, string message)
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var form = NewForm(name);
        if (alias is not null)
        {
            form.Aliases.Add(alias);
        }

        var result = await database.Commands.RunAsync(Analyst, new CreateOrganization(form), Token);

        Assert.Equal(CommandOutcome.Invalid, result.Outcome);
        Assert.Equal([message], result.Errors[field]);
    }

    [Fact]
    public async Task Create_NameTakenBetweenTheCheckAndTheSave_IsInvalidRatherThanAnError()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        // Another save takes the name while this one runs: the unique index refuses the insert.
        await PlantedTrigger.BeforeAsync(database, "name_taken_meanwhile", "INSERT", "Organizations",
            when: "NEW.\"NormalizedName\" = 'MISTRAL AI'",
            "UPDATE \"Organizations\" SET \"NormalizedName\" = 'MISTRAL AI' WHERE \"Slug\" = 'deepseek';");

        var result = await database.Commands.RunAsync(Analyst, new CreateOrganization(NewForm("Mistral AI")), Token);

        Assert.Equal(CommandOutcome.Invalid, result.Outcome);
        Assert.Equal(
            ["Another organization was saved with this name or one of these aliases just now."],
            result.Errors[nameof(OrganizationForm.Name)]);
    }

    [Fact]
    public async Task Update_OwnNameAndAliasesKept_IsNoClashWithItself()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var service = Organizations(database);
        var form = (await service.GetFormAsync("softbank", Token))!;
        form.Description = "Japanese investment holding company.";
        form.Aliases = ["softbank", "SoftBank Group Corp.", "SBG"];

        var result = await database.Commands.RunAsync(Analyst, new UpdateOrganization(form), Token);

        Assert.Equal(CommandOutcome.Saved, result.Outcome);
        var stored = (await service.GetFormAsync("softbank", Token))!;
        Assert.Equal(["SBG", "softbank", "SoftBank Group Corp."], stored.Aliases);
        Assert.Equal("Japanese investment holding company.", stored.Description);
        Assert.Equal(form.Version + 1, result.Version);
    }

    [Theory]
    [InlineData("ftp://files.example.com")]
    [InlineData("javascript:alert(1)")]
    [InlineData("openai.com")]
    [InlineData("https://")]
    public async Task Create_WebsiteNotHttp_IsInvalidOnTheWebsite(string website)
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var form = NewForm("Mistral AI");
        form.Website = website;

        var result = await database.Commands.RunAsync(Analyst, new CreateOrganization(form), Token);

        Assert.Equal(CommandOutcome.Invalid, result.Outcome);
        Assert.Equal(["Enter a full web address starting with http:// or https://."], result.Errors[nameof(OrganizationForm.Website)]);
    }

    [Theory]
    [InlineData("XX")]
    [InlineData("USA")]
    [InlineData("U1")]
    [InlineData("EU")]
    public async Task Create_CountryNotIsoAlpha2_IsInvalidOnTheCountry(string country)
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var form = NewForm("Mistral AI");
        form.Country = country;

        var result = await database.Commands.RunAsync(Analyst, new CreateOrganization(form), Token);

        Assert.Equal(CommandOutcome.Invalid, result.Outcome);
        Assert.Contains(nameof(OrganizationForm.Country), result.Errors.Keys);
    }

    [Theory]
    [InlineData("", "Name", "Give the organization a name.")]
    [InlineData("long", "Name", "At most 200 characters; this has 201.")]
    [InlineData("future", "FoundedYear", "Enter a year from 1600 to this year.")]
    [InlineData("ancient", "FoundedYear", "Enter a year from 1600 to this year.")]
    public async Task Create_RequiredLengthAndYear_AreCheckedFieldByField(string problem, string field, string message)
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var form = NewForm("Mistral AI");
        switch (problem)
        {
            case "":
                form.Name = "  ";
                break;
            case "long":
                form.Name = new string('x', 201);
                break;
            case "future":
                form.FoundedYear = DateTime.UtcNow.Year + 1;
                break;
            default:
                form.FoundedYear = 1599;
                break;
        }

        var result = await database.Commands.RunAsync(Analyst, new CreateOrganization(form), Token);

        Assert.Equal(CommandOutcome.Invalid, result.Outcome);
        Assert.Equal([message], result.Errors[field]);
    }

    [Fact]
    public async Task Create_SlugTaken_GetsANumberedSlug()
    {
        await using var database = await TestDatabase.CreateSeededAsync();

        var result = await database.Commands.RunAsync(Analyst, new CreateOrganization(NewForm("Nvidia!")), Token);

        Assert.True(result.IsSaved);
        await using var db = await database.CreateContextAsync();
        Assert.Equal("nvidia-2", await db.Organizations.Where(o => o.Id == result.Id).Select(o => o.Slug).SingleAsync(Token));
    }

    [Theory]
    [InlineData("Société Générale", "societe-generale")]
    [InlineData("  OpenAI, Inc. ", "openai-inc")]
    [InlineData("深度求索", "organization")]
    public void Slug_OfName_IsLowerCaseAsciiWithHyphens(string name, string slug) =>
        Assert.Equal(slug, OrganizationSlug.Of(name));

    [Fact]
    public async Task Update_Rename_MovesTheSlugWithTheName()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var service = Organizations(database);
        var form = (await service.GetFormAsync("wework", Token))!;
        form.Name = "WeWork Inc.";

        var result = await database.Commands.RunAsync(Analyst, new UpdateOrganization(form), Token);

        Assert.True(result.IsSaved);
        Assert.Null(await service.GetFormAsync("wework", Token));
        Assert.Equal("WeWork Inc.", (await service.GetFormAsync("wework-inc", Token))!.Name);
    }

    [Fact]
    public async Task Update_StaleVersion_IsAConflictNamingWhoSavedAndTheirValues()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var service = Organizations(database);
        var mine = (await service.GetFormAsync("openai", Token))!;
        var theirs = (await service.GetFormAsync("openai", Token))!;
        theirs.Description = "Maker of ChatGPT and the GPT models.";
        Assert.True((await database.Commands.RunAsync(OtherAnalyst, new UpdateOrganization(theirs), Token)).IsSaved);
        mine.Description = "My description.";

        var result = await database.Commands.RunAsync(Analyst, new UpdateOrganization(mine), Token);

        Assert.Equal(CommandOutcome.Conflict, result.Outcome);
        var conflict = result.Conflict!;
        Assert.Equal(OtherAnalyst.UserName, conflict.ChangedBy);
        Assert.Equal(mine.Version + 1, conflict.CurrentVersion);
        Assert.Equal("Maker of ChatGPT and the GPT models.", conflict.Theirs[nameof(OrganizationForm.Description)]);
        Assert.Equal("OpenAI", conflict.Theirs[nameof(OrganizationForm.Name)]);
        Assert.Equal("Maker of ChatGPT and the GPT models.", (await service.GetFormAsync("openai", Token))!.Description);
    }

    [Fact]
    public async Task Update_AliasesOnly_RaisesTheVersionSoAnOlderFormConflicts()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var service = Organizations(database);
        var first = (await service.GetFormAsync("nvidia", Token))!;
        var second = (await service.GetFormAsync("nvidia", Token))!;
        first.Aliases.Add("NVDA");

        var saved = await database.Commands.RunAsync(Analyst, new UpdateOrganization(first), Token);
        second.Description = "Chip maker.";
        var stale = await database.Commands.RunAsync(OtherAnalyst, new UpdateOrganization(second), Token);

        Assert.Equal(first.Version + 1, saved.Version);
        Assert.Equal(CommandOutcome.Conflict, stale.Outcome);
        Assert.Equal("NVDA\nNVIDIA Corporation", stale.Conflict!.Theirs[nameof(OrganizationForm.Aliases)]);
    }

    private static string Id(CommandResult result) => result.Id!.Value.ToString(CultureInfo.InvariantCulture);
}
