using AiDeals.Core.Data.Configurations;
using AiDeals.Core.Domain;
using AiDeals.Core.Features;
using AiDeals.Core.Features.Accounts;
using AiDeals.Core.Features.Deals;
using AiDeals.Core.Features.Organizations;
using AiDeals.Core.Tests.Support;
using AiDeals.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Tests;

/// <summary>
/// The investors a deal's row keeps for the list (<see cref="DealListKeys.Investors"/>) are, after every kind of write
/// that changes them, the investors the tables say: live participations of live organizations, the lead first, then by
/// role, name and slug. The list shows what the row keeps.
/// </summary>
public class DealListInvestorsTests
{
    private static readonly Actor Analyst = Actor.Create("ann@aideals.local", Roles.Analyst);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryKindOfWrite_LeavesEachDealKeepingTheInvestorsOfItsTables()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        await AssertKeptAsTheTablesSayAsync(database, "seeded");

        // A new lead of a deal (a participant inserted), then one removed (deleted).
        var aardvark = await DealListKeysTests.CreateOrganizationAsync(database, "Aardvark Capital");
        var form = await DealFixtures.FormOfAsync(database, DealFixtures.WeWork);
        form.Participants.Add(new ParticipantForm { OrganizationId = aardvark, Role = ParticipantRole.Lead });
        Assert.True((await database.Commands.RunAsync(Analyst, new UpdateDeal(form), Token)).IsSaved);
        await AssertKeptAsTheTablesSayAsync(database, "a lead added");

        // A rename changes the name and the slug the list links to.
        var rename = (await new OrganizationQueries(database.Contexts).GetFormAsync("softbank", Token))!;
        rename.Name = "SoftBank Group Corp";
        Assert.True((await database.Commands.RunAsync(Analyst, new UpdateOrganization(rename), Token)).IsSaved);
        await AssertKeptAsTheTablesSayAsync(database, "an investor renamed");

        // An organization in deals cannot be deleted by a command (it is refused while deals name it), but the triggers
        // answer a deletion and a restoration all the same: one written by hand takes the investor off the rows, and back.
        var microsoft = await DealFixtures.OrganizationIdAsync(database, "Microsoft");
        await SetDeletedAsync(database, microsoft, DateTime.UtcNow);
        await AssertKeptAsTheTablesSayAsync(database, "an investor deleted");
        await SetDeletedAsync(database, microsoft, null);
        await AssertKeptAsTheTablesSayAsync(database, "an investor restored");

        // A merge moves the duplicate's participations to the survivor.
        var survivor = await DealFixtures.OrganizationIdAsync(database, "Microsoft");
        Assert.True((await database.Commands.RunAsync(Analyst, new MergeOrganizations(survivor, aardvark), Token)).IsSaved);
        await AssertKeptAsTheTablesSayAsync(database, "merged");

        // A deal created with two investors, in an order the list does not keep.
        var created = await DealFixtures.NewFormAsync(database);
        created.Participants.Add(new ParticipantForm { OrganizationId = await DealListKeysTests.CreateOrganizationAsync(database, "Zeta Partners"), Role = ParticipantRole.CoInvestor });
        created.Participants.Add(new ParticipantForm { OrganizationId = await DealListKeysTests.CreateOrganizationAsync(database, "Beta Partners"), Role = ParticipantRole.CoInvestor });
        Assert.True((await database.Commands.RunAsync(Analyst, new CreateDeal(created), Token)).IsSaved);
        await AssertKeptAsTheTablesSayAsync(database, "a deal created");

        var rows = (await database.Deals.SearchAsync(new DealFilter(), new DealPageRequest { PageSize = PageRequest.MaxPageSize }, Token)).Items;
        Assert.Contains(rows, r => r.Investors.Any(i => i is { Name: "SoftBank Group Corp", Slug: "softbank-group-corp" }));
        Assert.Equal(["Nvidia", "Beta Partners", "Zeta Partners"], rows.Single(r => r.Title == created.Title).Investors.Select(i => i.Name));
    }

    [Fact]
    public async Task List_ShowsTheInvestorsTheRowKeeps_LeadFirst()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var expected = await ShownByTheTablesAsync(database);

        var rows = (await database.Deals.SearchAsync(new DealFilter(), new DealPageRequest { PageSize = PageRequest.MaxPageSize }, Token)).Items;

        Assert.NotEmpty(rows);
        Assert.Contains(rows, r => r.Investors.Count > 1);
        Assert.All(rows, r => Assert.Equal(expected[r.Id], [.. r.Investors]));
    }

    [Fact]
    public async Task NameWrittenWithASeparator_ShowsASpaceAndKeepsTheOtherInvestors()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var form = await DealFixtures.FormOfAsync(database, DealFixtures.WeWork);
        Assert.True(form.Participants.Count > 0);
        var id = form.Participants[0].OrganizationId;

        // The forms refuse control characters; a name written before that rule, or by hand, must not break the list.
        await using (var db = await database.Contexts.CreateDbContextAsync(Token))
        {
            await db.Database.ExecuteSqlAsync($"UPDATE \"Organizations\" SET \"Name\" = {"Odd\u001ENa\u001Fme"} WHERE \"Id\" = {id}", Token);
        }

        var rows = (await database.Deals.SearchAsync(new DealFilter(), new DealPageRequest { PageSize = PageRequest.MaxPageSize }, Token)).Items;
        var deal = rows.Single(r => r.Title == DealFixtures.WeWork);
        Assert.Contains(deal.Investors, i => i.Name == "Odd Na me");
        Assert.Equal(form.Participants.Count, deal.Investors.Count);
    }

    [Fact(SkipUnless = nameof(HasSqlite3), Skip = "No sqlite3 command on this machine (Debian: apt-get install -y sqlite3)")]
    [SqliteOnly("The database file opened by the system's own sqlite3, as an operator does for a look or a backup")]
    public async Task SystemsSqlite3_OpensTheSchemaAndReadsTheKeptInvestors()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var wework = await DealFixtures.IdOfAsync(database, DealFixtures.WeWork);

        // SQLite parses every trigger when it opens a schema: one with syntax newer than the system's SQLite (Debian 12
        // has 3.40) makes the whole file unreadable to it. (Writing through it is another matter: the free-text index
        // needs 3.43.)
        var (exit, output) = await Sqlite3Async(database.FilePath, $"SELECT \"ListInvestors\" FROM \"Deals\" WHERE \"Id\" = {wework};");

        Assert.True(exit == 0, output);
        Assert.Equal((await ShownByTheTablesAsync(database))[wework], DealListReader.Investors(output.TrimEnd('\n')));
    }

    public static bool HasSqlite3 => File.Exists("/usr/bin/sqlite3");

    private static async Task<(int Exit, string Output)> Sqlite3Async(string file, string sql)
    {
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("/usr/bin/sqlite3", ["-readonly", file, sql])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = await process.StandardOutput.ReadToEndAsync(Token);
        var error = await process.StandardError.ReadToEndAsync(Token);
        await process.WaitForExitAsync(Token);
        return (process.ExitCode, output + error);
    }

    private static async Task SetDeletedAsync(TestDatabase database, int organizationId, DateTime? at)
    {
        await using var db = await database.Contexts.CreateDbContextAsync(Token);
        Assert.Equal(1, await db.Database.ExecuteSqlAsync($"UPDATE \"Organizations\" SET \"DeletedAt\" = {at} WHERE \"Id\" = {organizationId}", Token));
    }

    private static async Task AssertKeptAsTheTablesSayAsync(TestDatabase database, string after)
    {
        var expected = await ShownByTheTablesAsync(database);
        await using var db = await database.Contexts.CreateDbContextAsync(Token);
        var kept = await db.Deals.IgnoreQueryFilters().AsNoTracking()
            .Select(d => new { d.Id, Kept = EF.Property<string>(d, DealListKeys.Investors) })
            .ToListAsync(Token);

        Assert.NotEmpty(kept);
        Assert.All(kept, k => Assert.True(
            expected.GetValueOrDefault(k.Id, []).SequenceEqual(DealListReader.Investors(k.Kept)),
            $"After {after}: deal {k.Id} keeps \"{k.Kept}\", the tables say {string.Join(", ", expected.GetValueOrDefault(k.Id, []))}."));
    }

    // Every deal's investors as the list shows them, read from the participants and organizations.
    private static async Task<Dictionary<int, List<OrganizationRef>>> ShownByTheTablesAsync(TestDatabase database)
    {
        await using var db = await database.Contexts.CreateDbContextAsync(Token);
        var participations = await db.DealParticipants.AsNoTracking()
            .Where(p => p.Organization!.DeletedAt == null)
            .Select(p => new { p.DealId, p.Role, p.Organization!.Name, p.Organization.Slug })
            .ToListAsync(Token);
        return participations
            .GroupBy(p => p.DealId)
            .ToDictionary(g => g.Key, g => g
                .OrderBy(p => p.Role).ThenBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Slug, StringComparer.Ordinal)
                .Select(p => new OrganizationRef(p.Name.Replace('\u001E', ' ').Replace('\u001F', ' '), p.Slug))
                .ToList());
    }
}
