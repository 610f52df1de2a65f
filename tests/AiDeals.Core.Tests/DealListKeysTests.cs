using AiDeals.Core.Domain;
using AiDeals.Core.Features;
using AiDeals.Core.Features.Accounts;
using AiDeals.Core.Features.Deals;
using AiDeals.Core.Features.Organizations;
using AiDeals.Core.Tests.Support;

namespace AiDeals.Core.Tests;

/// <summary>
/// The list's sort keys kept on the deal's row follow every write that changes what the list shows: after each change
/// the list sorted by target or by investors is in the order of the names it shows.
/// </summary>
public class DealListKeysTests
{
    private static readonly Actor Analyst = Actor.Create("ann@aideals.local", Roles.Analyst);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RenameTarget_ToAFirstName_MovesItsDealsToTheTopOfTheTargetSort()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var form = (await new OrganizationQueries(database.Contexts).GetFormAsync("openai", Token))!;
        form.Name = "AAA OpenAI";

        Assert.True((await database.Commands.RunAsync(Analyst, new UpdateOrganization(form), Token)).IsSaved);

        var rows = await ListAsync(database, DealSortField.Target);
        AssertInShownOrder(rows, Target);
        var first = rows.First(r => r.Target is not null);
        Assert.Equal("AAA OpenAI", first.Target!.Name);
    }

    [Fact]
    public async Task RenameInvestor_ToALastName_MovesTheDealsItLeadsToTheEndOfTheInvestorSort()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var form = (await new OrganizationQueries(database.Contexts).GetFormAsync("softbank", Token))!;
        form.Name = "zzz SoftBank";

        Assert.True((await database.Commands.RunAsync(Analyst, new UpdateOrganization(form), Token)).IsSaved);

        var rows = await ListAsync(database, DealSortField.Investors);
        AssertInShownOrder(rows, FirstInvestor);
        Assert.Equal("zzz SoftBank", FirstInvestor(rows[^1]));
    }

    [Fact]
    public async Task NewLead_OfADeal_PutsTheDealFirstAmongDealsWithInvestors()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var lead = await CreateOrganizationAsync(database, "Aardvark Capital");
        var form = await DealFixtures.FormOfAsync(database, DealFixtures.WeWork);
        form.Participants.Add(new ParticipantForm { OrganizationId = lead, Role = ParticipantRole.Lead });

        Assert.True((await database.Commands.RunAsync(Analyst, new UpdateDeal(form), Token)).IsSaved);

        var rows = await ListAsync(database, DealSortField.Investors);
        AssertInShownOrder(rows, FirstInvestor);
        Assert.Equal(DealFixtures.WeWork, rows.First(r => r.Investors.Count > 0).Title);
    }

    [Fact]
    public async Task Merge_OfTheOnlyLead_ShowsTheSurvivorAndSortsByIt()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var duplicate = await CreateOrganizationAsync(database, "Aardvark Dup");
        var form = await DealFixtures.FormOfAsync(database, DealFixtures.WeWork);
        form.Participants.Add(new ParticipantForm { OrganizationId = duplicate, Role = ParticipantRole.Lead });
        Assert.True((await database.Commands.RunAsync(Analyst, new UpdateDeal(form), Token)).IsSaved);
        var survivor = await DealFixtures.OrganizationIdAsync(database, "Microsoft");

        Assert.True((await database.Commands.RunAsync(Analyst, new MergeOrganizations(survivor, duplicate), Token)).IsSaved);

        var rows = await ListAsync(database, DealSortField.Investors);
        AssertInShownOrder(rows, FirstInvestor);
        Assert.DoesNotContain(rows, r => FirstInvestor(r) == "Aardvark Dup");
        Assert.Equal("Microsoft", FirstInvestor(rows.Single(r => r.Title == DealFixtures.WeWork)));
    }

    [Fact]
    public async Task RemovedLead_ShowsTheNextInvestorFirstAndSortsByIt()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var before = await ListAsync(database, DealSortField.Investors, descending: true);
        var deal = before.First(r => r.Investors.Count > 1);
        var form = await DealFixtures.FormOfAsync(database, deal.Title);
        var lead = await DealFixtures.OrganizationIdAsync(database, deal.Investors[0].Name);
        form.Participants.RemoveAll(p => p.OrganizationId == lead);

        Assert.True((await database.Commands.RunAsync(Analyst, new UpdateDeal(form), Token)).IsSaved);

        var rows = await ListAsync(database, DealSortField.Investors, descending: true);
        AssertInShownOrder(rows, FirstInvestor, descending: true);
        Assert.Equal(deal.Investors[1].Name, FirstInvestor(rows.Single(r => r.Id == deal.Id)));
    }

    [Theory]
    [InlineData(DealSortField.Status, false)]
    [InlineData(DealSortField.Status, true)]
    public async Task SortByStatus_FollowsADealsLife(DealSortField sort, bool descending)
    {
        await using var database = await TestDatabase.CreateSeededAsync();

        var rows = await ListAsync(database, sort, descending);

        var ranks = rows.Select(r => (int)r.Status).ToList();
        Assert.Equal(descending ? ranks.OrderDescending() : ranks.Order(), ranks);
        Assert.True(ranks.Distinct().Count() > 2);
    }

    internal static async Task<int> CreateOrganizationAsync(TestDatabase database, string name)
    {
        var form = OrganizationCommandTests.NewForm(name);
        form.Website = null;
        var created = await database.Commands.RunAsync(Analyst, new CreateOrganization(form), Token);
        Assert.True(created.IsSaved);
        return created.Id!.Value;
    }

    private static async Task<List<DealSummary>> ListAsync(TestDatabase database, DealSortField sort, bool descending = false) =>
        [.. (await database.Deals.SearchAsync(
            new DealFilter { Sort = sort, Descending = descending }, new DealPageRequest { PageSize = PageRequest.MaxPageSize }, Token)).Items];

    private static string Target(DealSummary row) => row.Target?.Name ?? string.Empty;

    private static string FirstInvestor(DealSummary row) => row.Investors.FirstOrDefault()?.Name ?? string.Empty;

    private static void AssertInShownOrder(List<DealSummary> rows, Func<DealSummary, string> shown, bool descending = false)
    {
        var names = rows.Select(shown).ToList();
        var sorted = descending ? names.OrderDescending(StringComparer.Ordinal) : names.Order(StringComparer.Ordinal);
        Assert.Equal(sorted, names);
    }
}
