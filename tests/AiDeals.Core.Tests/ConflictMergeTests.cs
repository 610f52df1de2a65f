using AiDeals.Core.Domain;
using AiDeals.Core.Features;
using AiDeals.Core.Features.Accounts;
using AiDeals.Core.Features.Deals;
using AiDeals.Core.Features.Organizations;
using AiDeals.Core.Tests.Support;
using static AiDeals.Core.Tests.Support.DealFixtures;

namespace AiDeals.Core.Tests;

/// <summary>
/// A save after a conflict merges field by field: what only they changed stays theirs, what only the analyst changed is
/// saved, and only a field both changed differently asks.
/// </summary>
public class ConflictMergeTests
{
    private static readonly Actor Ann = Actor.Create("ann@aideals.test", Roles.Analyst);
    private static readonly Actor Bob = Actor.Create("bob@aideals.test", Roles.Analyst);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public void Compare_EachWayAFieldCanChange_GetsItsChoice()
    {
        var loaded = Values(("Title", "A"), ("Status", "Announced"), ("Notes", null), ("Kind", "Loan"), ("Amount", "1"));
        var mine = Values(("Title", "A"), ("Status", "Completed"), ("Notes", "mine"), ("Kind", "Grant"), ("Amount", "1"));
        var theirs = Values(("Title", "A"), ("Status", "Announced"), ("Notes", "theirs"), ("Kind", "Grant"), ("Amount", "2"));

        var choices = ConflictMerge.Compare(loaded, mine, theirs).ToDictionary(m => m.Field, m => m.Choice);

        Assert.Equal(MergeChoice.Unchanged, choices["Title"]);
        Assert.Equal(MergeChoice.Mine, choices["Status"]);
        Assert.Equal(MergeChoice.Ask, choices["Notes"]);
        Assert.Equal(MergeChoice.Same, choices["Kind"]);
        Assert.Equal(MergeChoice.Theirs, choices["Amount"]);
    }

    [Fact]
    public void Compare_WithoutTheFormAsLoaded_AsksForEveryFieldThatDiffers()
    {
        var merges = ConflictMerge.Compare(null, Values(("Title", "A"), ("Notes", "mine")), Values(("Title", "A"), ("Notes", "theirs")));

        Assert.Equal([("Title", MergeChoice.Same), ("Notes", MergeChoice.Ask)], merges.Select(m => (m.Field, m.Choice)));
    }

    [Fact]
    public void TryApply_AFieldBothChangedWithoutAnAnswer_LeavesTheFormAsItIs()
    {
        var form = new DealForm { Id = 7, Version = 3, Notes = "mine" };
        var conflict = new ConflictInfo("ann@aideals.test", null, 4, Values(("Notes", "theirs")))
        {
            TheirsForm = new DealForm { Id = 7, Version = 4, Notes = "theirs" },
        };
        var loaded = Values(("Notes", "before"));

        Assert.False(ConflictMerge.TryApply(form, conflict, loaded, Values(("Notes", "mine")), new Dictionary<string, bool>()));
        Assert.Equal((3, "mine", (string?)null), (form.Version, form.Notes, form.Reason));

        Assert.True(ConflictMerge.TryApply(form, conflict, loaded, Values(("Notes", "mine")), new Dictionary<string, bool> { ["Notes"] = false }));
        Assert.Equal((4, "theirs"), (form.Version, form.Notes));
        Assert.StartsWith("Merged with ann@aideals.test's change of ", form.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apply_TheyChangedTheAmountIChangedTheNotes_SavesBothAndTheAuditSaysMerged()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var annsForm = await FormOfAsync(database, Equity);
        var bobsForm = await FormOfAsync(database, Equity);
        var loaded = await database.DealForms.DescribeFormAsync(bobsForm, Token);
        annsForm.AmountHigh = 30_000_000_000;
        annsForm.AnnouncedOn = new DateOnly(2024, 10, 1);
        annsForm.AnnouncedPrecision = DatePrecision.Quarter;
        Assert.True((await database.Commands.RunAsync(Ann, new UpdateDeal(annsForm), Token)).IsSaved);
        bobsForm.Notes = "Bob's reading.";

        var conflict = (await database.Commands.RunAsync(Bob, new UpdateDeal(bobsForm), Token)).Conflict!;
        var merges = ConflictMerge.Compare(loaded, await database.DealForms.DescribeFormAsync(bobsForm, Token), conflict.Theirs);
        Assert.Equal(
            [(nameof(DealForm.AmountHigh), MergeChoice.Theirs), (nameof(DealForm.AnnouncedOn), MergeChoice.Theirs), (nameof(DealForm.Notes), MergeChoice.Mine)],
            merges.Where(m => m.Choice != MergeChoice.Unchanged).Select(m => (m.Field, m.Choice)).OrderBy(m => m.Field, StringComparer.Ordinal));
        ConflictMerge.Apply(bobsForm, conflict, merges.Where(m => m.Choice == MergeChoice.Theirs).Select(m => m.Field), replacesTheirs: false);
        var saved = await database.Commands.RunAsync(Bob, new UpdateDeal(bobsForm), Token);

        Assert.True(saved.IsSaved);
        var stored = (await database.DealForms.GetFormAsync(bobsForm.Id, Token))!;
        Assert.Equal((30_000_000_000L, "Bob's reading."), (stored.AmountHigh!.Value, stored.Notes));
        // The precision travels with its date: theirs is "2024-Q4", not the first of October at Bob's precision (a month).
        Assert.Equal((new DateOnly(2024, 10, 1), DatePrecision.Quarter), (stored.AnnouncedOn!.Value, stored.AnnouncedPrecision));
        var audit = (await AuditsAsync(database)).Last(a => a.EntityType == nameof(Deal));
        Assert.Equal("bob@aideals.test", audit.User);
        Assert.StartsWith("Merged with ann@aideals.test's change of ", audit.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apply_BothChangedTheAliasesAndBobKeepsTheirs_SavesTheirAliasesWithBobsWebsite()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var organizations = new OrganizationQueries(database.Contexts);
        var annsForm = (await organizations.GetFormAsync("softbank", Token))!;
        var bobsForm = (await organizations.GetFormAsync("softbank", Token))!;
        var loaded = Conflicts.Values(bobsForm);
        annsForm.Aliases = [.. annsForm.Aliases, "SBG"];
        Assert.True((await database.Commands.RunAsync(Ann, new UpdateOrganization(annsForm), Token)).IsSaved);
        bobsForm.Aliases = [.. bobsForm.Aliases, "SoftBank Corp"];
        bobsForm.Website = "https://www.softbank.jp/en/";

        var conflict = (await database.Commands.RunAsync(Bob, new UpdateOrganization(bobsForm), Token)).Conflict!;
        var merges = ConflictMerge.Compare(loaded, Conflicts.Values(bobsForm), conflict.Theirs).ToDictionary(m => m.Field, m => m.Choice);
        Assert.Equal((MergeChoice.Ask, MergeChoice.Mine), (merges[nameof(OrganizationForm.Aliases)], merges[nameof(OrganizationForm.Website)]));
        ConflictMerge.Apply(bobsForm, conflict, [nameof(OrganizationForm.Aliases)], replacesTheirs: false);

        Assert.True((await database.Commands.RunAsync(Bob, new UpdateOrganization(bobsForm), Token)).IsSaved);
        var stored = (await organizations.GetFormAsync("softbank", Token))!;
        Assert.Contains("SBG", stored.Aliases);
        Assert.DoesNotContain("SoftBank Corp", stored.Aliases);
        Assert.Equal("https://www.softbank.jp/en/", stored.Website);
    }

    private static Dictionary<string, string?> Values(params (string Field, string? Value)[] values) =>
        values.ToDictionary(v => v.Field, v => v.Value, StringComparer.Ordinal);
}
