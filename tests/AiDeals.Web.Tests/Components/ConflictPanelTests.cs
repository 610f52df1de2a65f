using AiDeals.Core.Features;
using AiDeals.Web.Components.Shared;
using Bunit;
using MudBlazor.Services;

namespace AiDeals.Web.Tests.Components;

/// <summary>The conflict view every editor shows: who and when, theirs beside yours, and the two ways on.</summary>
public sealed class ConflictPanelTests : BunitContext
{
    private static readonly ConflictInfo Conflict = new(
        "ann@aideals.test",
        new DateTime(2025, 3, 3, 14, 5, 0, DateTimeKind.Utc),
        4,
        new Dictionary<string, string?>
        {
            ["Title"] = "SoftBank direct investment in OpenAI",
            ["Status"] = "InTalks",
            ["AmountHigh"] = "30000000000",
            ["Notes"] = null,
        });

    private static readonly Dictionary<string, string?> Yours = new()
    {
        ["Title"] = "SoftBank direct investment in OpenAI",
        ["Status"] = "Completed",
        ["AmountHigh"] = "25000000000",
        ["Notes"] = null,
    };

    public ConflictPanelTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    [Fact]
    public void Render_Conflict_SaysWhoSavedAndWhenAndMarksOnlyTheDifferingFields()
    {
        var cut = Render<ConflictPanel>(p => p.Add(c => c.Conflict, Conflict).Add(c => c.Yours, Yours).Add(c => c.RecordName, "deal"));

        Assert.Equal("Someone else saved this deal", cut.Find("h2").TextContent.Trim());
        var who = cut.Find("[data-testid=conflict-who]").TextContent;
        Assert.Contains("ann@aideals.test", who, StringComparison.Ordinal);
        Assert.Contains("3 Mar 2025, 14:05 UTC", who, StringComparison.Ordinal);
        Assert.Contains("2 fields differ", who, StringComparison.Ordinal);
        Assert.Equal(["Title", "Status", "AmountHigh"], cut.FindAll("tbody tr").Select(r => r.GetAttribute("data-field")));
        Assert.Equal(["Status", "AmountHigh"], cut.FindAll("tr[data-differs=true]").Select(r => r.GetAttribute("data-field")));
        var status = cut.Find("tr[data-field=Status]");
        Assert.Equal(("In talks", "Completed"), (status.QuerySelector("[data-testid=conflict-theirs]")!.TextContent, status.QuerySelector("[data-testid=conflict-yours]")!.TextContent));
        Assert.Contains("differs", status.TextContent, StringComparison.Ordinal);
        var amount = cut.Find("tr[data-field=AmountHigh]");
        Assert.Equal(("$30B", "$25B"), (amount.QuerySelector("[data-testid=conflict-theirs]")!.TextContent, amount.QuerySelector("[data-testid=conflict-yours]")!.TextContent));
        Assert.DoesNotContain("differs", cut.Find("tr[data-field=Title]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_AmountsThatRoundAlike_ShowsTheWholeFigures()
    {
        var yours = new Dictionary<string, string?>(Yours) { ["AmountHigh"] = "30000400000" };

        var cut = Render<ConflictPanel>(p => p.Add(c => c.Conflict, Conflict).Add(c => c.Yours, yours));

        var amount = cut.Find("tr[data-field=AmountHigh]");
        Assert.Equal("$30,000,000,000", amount.QuerySelector("[data-testid=conflict-theirs]")!.TextContent);
        Assert.Equal("$30,000,400,000", amount.QuerySelector("[data-testid=conflict-yours]")!.TextContent);
    }

    [Fact]
    public void Render_WithTheFormAsLoaded_KeepsTheirsWhereOnlyTheyChangedYoursWhereOnlyYouDidAndAsksWhereBothDid()
    {
        var loaded = new Dictionary<string, string?>(Yours) { ["Status"] = "Announced", ["AmountHigh"] = "25000000000", ["Kind"] = "EquityInvestment" };
        var conflict = Conflict with { Theirs = new Dictionary<string, string?>(Conflict.Theirs) { ["Kind"] = "EquityInvestment" } };
        var yours = new Dictionary<string, string?>(Yours) { ["Kind"] = "Loan" };

        var cut = Render<ConflictPanel>(p => p.Add(c => c.Conflict, conflict).Add(c => c.Yours, yours).Add(c => c.Loaded, loaded));

        string? Merge(string field) => cut.Find($"tr[data-field={field}]").GetAttribute("data-merge");
        Assert.Equal(("Unchanged", "Ask", "Theirs", "Mine"), (Merge("Title"), Merge("Status"), Merge("AmountHigh"), Merge("Kind")));
        Assert.Equal(
            "One field only they changed: theirs stays. One field only you changed: yours is saved. You both changed one field: choose whose value to keep.",
            cut.Find("[data-testid=conflict-plan]").TextContent.Trim());
        Assert.Equal("Theirs (only they changed it)", cut.Find("tr[data-field=AmountHigh] [data-testid=conflict-keep]").TextContent.Trim());
        Assert.Equal(2, cut.FindAll("tr[data-field=Status] input[type=radio]").Count);
        Assert.Empty(cut.FindAll("tr[data-field=AmountHigh] input[type=radio]"));
    }

    [Fact]
    public void SaveMerged_WaitsForAnAnswerToEveryFieldBothChangedThenHandsThemOn()
    {
        var reloaded = 0;
        IReadOnlyDictionary<string, bool>? answers = null;
        var cut = Render<ConflictPanel>(p => p
            .Add(c => c.Conflict, Conflict)
            .Add(c => c.Yours, Yours)
            .Add(c => c.FieldLabels, new Dictionary<string, string> { ["AmountHigh"] = "Amount: high" })
            .Add(c => c.OnReload, () => reloaded++)
            .Add(c => c.OnSaveMerged, given => answers = given));

        // Without the form as loaded nobody can tell who changed what: both differing fields ask.
        Assert.True(cut.Find("[data-testid=conflict-save-merged]").HasAttribute("disabled"));
        cut.Find("tr[data-field=Status] [data-testid=keep-yours]").Change(true);
        Assert.True(cut.Find("[data-testid=conflict-save-merged]").HasAttribute("disabled"));
        cut.Find("tr[data-field=AmountHigh] [data-testid=keep-theirs]").Change(true);
        cut.Find("[data-testid=conflict-save-merged]").Click();
        cut.Find("[data-testid=conflict-reload]").Click();

        Assert.Equal(1, reloaded);
        Assert.NotNull(answers);
        Assert.Equal([("AmountHigh", false), ("Status", true)], answers.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => (a.Key, a.Value)));
        Assert.Equal("AmountHigh", cut.FindAll("tbody tr")[0].GetAttribute("data-field"));
        Assert.StartsWith("Amount: high", cut.FindAll("tbody th")[0].TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public void OverwriteReason_Conflict_NamesWhoseChangeOfWhen() =>
        Assert.Equal("Saved over ann@aideals.test's change of 3 Mar 2025, 14:05 UTC", Conflicts.OverwriteReason(Conflict));

    [Fact]
    public void MergeReason_Conflict_NamesWhoseChangeOfWhen() =>
        Assert.Equal("Merged with ann@aideals.test's change of 3 Mar 2025, 14:05 UTC", Conflicts.MergeReason(Conflict));
}
