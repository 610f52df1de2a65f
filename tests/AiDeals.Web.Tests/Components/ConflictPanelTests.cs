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
    public void Buttons_ReloadAndSaveMine_CallTheirHandlers()
    {
        var (reloaded, savedMine) = (0, 0);
        var cut = Render<ConflictPanel>(p => p
            .Add(c => c.Conflict, Conflict)
            .Add(c => c.Yours, Yours)
            .Add(c => c.FieldLabels, new Dictionary<string, string> { ["AmountHigh"] = "Amount: high" })
            .Add(c => c.OnReload, () => reloaded++)
            .Add(c => c.OnSaveMine, () => savedMine++));

        cut.Find("[data-testid=conflict-reload]").Click();
        cut.Find("[data-testid=conflict-save-mine]").Click();

        Assert.Equal((1, 1), (reloaded, savedMine));
        Assert.Equal("AmountHigh", cut.FindAll("tbody tr")[0].GetAttribute("data-field"));
        Assert.StartsWith("Amount: high", cut.FindAll("tbody th")[0].TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public void OverwriteReason_Conflict_NamesWhoseChangeOfWhen() =>
        Assert.Equal("Saved over ann@aideals.test's change of 3 Mar 2025, 14:05 UTC", Conflicts.OverwriteReason(Conflict));
}
