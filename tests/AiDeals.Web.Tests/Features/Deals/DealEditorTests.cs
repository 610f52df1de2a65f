using AiDeals.Core.Data;
using AiDeals.Core.Domain;
using AiDeals.Core.Features;
using AiDeals.Core.Features.Accounts;
using AiDeals.Core.Features.Deals;
using AiDeals.Web.Features.Deals;
using AiDeals.Web.Tests.Support;
using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AiDeals.Web.Tests.Features.Deals;

/// <summary>The deal editor on a real database, as an analyst: field messages from the form and from the command, and the conflict view.</summary>
public sealed class DealEditorTests : MudBunitContext, IClassFixture<SeededDatabase>
{
    // Saves go to a real database; on a busy machine they take longer than bUnit's one-second default.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private const string Stargate = "Stargate AI data-center project";
    private const string WeWork = "SoftBank investment in WeWork";
    private const string Equity = "SoftBank direct investment in OpenAI";
    private const string Microsoft = "Microsoft backing of OpenAI";
    private const string Commitment = "SoftBank commitment to Stargate";

    public DealEditorTests(SeededDatabase database)
        : base(database)
    {
        Authorization.SetAuthorized("analyst@aideals.local");
        Authorization.SetRoles(Roles.Analyst);
    }

    [Fact]
    public void Save_LowAboveHigh_ShowsTheCommandsMessageUnderTheHighAmount()
    {
        var cut = RenderEditor(Stargate);

        Input(cut, "deal-amount-low").Change("600B");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Equal(
            "The low amount ($600B) is above the high amount ($500B).",
            FieldMessage(cut, "deal-amount-high")), Patience);
        Assert.Null(FieldMessage(cut, "deal-amount-low"));
        Assert.Equal(100_000_000_000, Stored(Stargate).AmountLow);
    }

    [Fact]
    public void Save_ClosedBeforeAnnounced_ShowsTheMessageUnderTheClosedDate()
    {
        var cut = RenderEditor(WeWork);

        Input(cut, "deal-announced-input").Change("2025-03-10");
        Input(cut, "deal-closed-input").Change("2025-02");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Equal(
            "The deal cannot close (Feb 2025) before it was announced (10 Mar 2025).",
            FieldMessage(cut, "deal-closed-input")), Patience);
        Assert.Null(Stored(WeWork).ClosedOn);
    }

    [Fact]
    public void Edit_UnreadableAmount_SaysHowToWriteOneAndDoesNotSave()
    {
        var cut = RenderEditor(WeWork);
        var version = Stored(WeWork).Version;

        Input(cut, "deal-amount-low").Change("lots");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Equal("Write an amount such as 15B, 2.5M or 12,000,000.", FieldMessage(cut, "deal-amount-low")), Patience);
        Assert.Equal(version, Stored(WeWork).Version);
    }

    [Fact]
    public void Edit_AmountOfTwentyEightDigits_SaysTheBoundAndDoesNotSave()
    {
        var cut = RenderEditor(WeWork);
        var version = Stored(WeWork).Version;

        Input(cut, "deal-amount-low").Change("9999999999999999999999999999B");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Equal("An amount cannot be more than $100T.", FieldMessage(cut, "deal-amount-low")), Patience);
        Assert.Equal(version, Stored(WeWork).Version);
        Assert.Equal(16_000_000_000, Stored(WeWork).AmountLow);
    }

    [Fact]
    public void Edit_CommitmentTypedInEuros_SavesItInEurosConvertedAtTheDealsRate()
    {
        var cut = RenderEditor(Commitment);

        Input(cut, "participant-commitment-low").Change("€10B");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Equal("EUR", StoredParticipant(Commitment).Currency), Patience);
        var participant = StoredParticipant(Commitment);
        Assert.Equal(AmountRange.Exact(10_000_000_000), participant.Reported);
        Assert.NotNull(participant.RateOn);
        Assert.InRange(participant.CommitmentLow!.Value, 10_000_000_001, 12_000_000_000);
    }

    [Theory]
    [InlineData("₣600M", "₣ stands for several currencies: write CHF, XOF, XAF or XPF instead.")]
    [InlineData("600M XYZ", "XYZ is no ISO 4217 currency code: write one such as USD, EUR, GBP or CHF.")]
    public void Edit_CurrencyItCannotTell_SaysWhatToWriteAndDoesNotSave(string text, string message)
    {
        var cut = RenderEditor(WeWork);
        var version = Stored(WeWork).Version;

        Input(cut, "deal-amount-low").Change(text);
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Equal(message, FieldMessage(cut, "deal-amount-low")), Patience);
        Assert.Equal(version, Stored(WeWork).Version);
    }

    [Fact]
    public async Task Save_StoredAmountAboveTheBound_ShowsTheCommandsMessageOnTheAmount()
    {
        // Written before amounts had a bound: the editor opens it, and the command refuses to save it again as it is.
        await using (var db = await Services.GetRequiredService<IDbContextFactory<AiDealsDbContext>>().CreateDbContextAsync(Xunit.TestContext.Current.CancellationToken))
        {
            await db.Deals.Where(d => d.Title == Microsoft).ExecuteUpdateAsync(
                u => u.SetProperty(d => d.AmountLow, long.MaxValue).SetProperty(d => d.AmountHigh, long.MaxValue)
                    .SetProperty(d => d.AmountQualifier, AmountQualifier.Exact),
                Xunit.TestContext.Current.CancellationToken);
        }

        var cut = RenderEditor(Microsoft);
        var version = Stored(Microsoft).Version;

        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Equal("An amount cannot be more than $100T.", FieldMessage(cut, "deal-amount-low")), Patience);
        Assert.Equal(version, Stored(Microsoft).Version);
    }

    [Fact]
    public async Task Save_SomeoneChangedAnotherFieldMeanwhile_ShowsBothAndSaveMergedKeepsTheirsAndMine()
    {
        var cut = RenderEditor(Equity);
        await SaveAsAnnAsync(Equity, theirs => theirs.AmountHigh = 30_000_000_000);

        cut.Find("textarea[data-testid=deal-notes-input], [data-testid=deal-notes-input] textarea").Change("Bob's reading of the filing.");
        cut.Find("form").Submit();

        var panel = cut.WaitForElement("[data-testid=conflict-panel]", Patience);
        Assert.Contains("ann@aideals.test", panel.QuerySelector("[data-testid=conflict-who]")!.TextContent, StringComparison.Ordinal);
        var differing = panel.QuerySelectorAll("tr[data-differs=true]").Select(r => r.GetAttribute("data-field")).ToList();
        Assert.Equal(["AmountHigh", "Notes"], differing.Order(StringComparer.Ordinal));
        var amount = panel.QuerySelector("tr[data-field=AmountHigh]")!;
        Assert.Equal(("$30B", "$25B"), (amount.QuerySelector("[data-testid=conflict-theirs]")!.TextContent, amount.QuerySelector("[data-testid=conflict-yours]")!.TextContent));
        Assert.Equal(("Theirs", "Mine"), (amount.GetAttribute("data-merge"), panel.QuerySelector("tr[data-field=Notes]")!.GetAttribute("data-merge")));
        Assert.Empty(panel.QuerySelectorAll("input[type=radio]"));

        cut.Find("[data-testid=conflict-save-merged]").Click();

        cut.WaitForAssertion(() => Assert.EndsWith($"/deals/{Stored(Equity).Id}", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal), Patience);
        Assert.Equal((30_000_000_000, "Bob's reading of the filing."), (Stored(Equity).AmountHigh, Stored(Equity).Notes));
        Assert.StartsWith("Merged with ann@aideals.test's change of ", LastDealAudit().Reason, StringComparison.Ordinal);
        Assert.Equal("analyst@aideals.local", LastDealAudit().User);
    }

    [Fact]
    public async Task Save_BothChangedTheSameField_AsksAndSavesTheChosenValueOverTheirsKeepingTheirOtherChange()
    {
        var cut = RenderEditor(WeWork);
        var before = Stored(WeWork);
        await SaveAsAnnAsync(WeWork, theirs => (theirs.Notes, theirs.OutcomeNote) = ("Ann's note.", "Ann's outcome note."));

        cut.Find("textarea[data-testid=deal-notes-input], [data-testid=deal-notes-input] textarea").Change("Bob's note.");
        cut.Find("form").Submit();

        var panel = cut.WaitForElement("[data-testid=conflict-panel]", Patience);
        Assert.Equal("Ask", panel.QuerySelector("tr[data-field=Notes]")!.GetAttribute("data-merge"));
        Assert.Equal("Theirs", panel.QuerySelector("tr[data-field=OutcomeNote]")!.GetAttribute("data-merge"));
        Assert.True(cut.Find("[data-testid=conflict-save-merged]").HasAttribute("disabled"));

        cut.Find("tr[data-field=Notes] [data-testid=keep-yours]").Change(true);
        cut.Find("[data-testid=conflict-save-merged]").Click();

        cut.WaitForAssertion(() => Assert.Equal("Bob's note.", Stored(WeWork).Notes), Patience);
        Assert.Equal("Ann's outcome note.", Stored(WeWork).OutcomeNote);
        Assert.Equal(before.Version + 2, Stored(WeWork).Version);
        Assert.StartsWith("Saved over ann@aideals.test's change of ", LastDealAudit().Reason, StringComparison.Ordinal);
    }

    /// <summary>Another analyst saves the deal meanwhile.</summary>
    private async Task SaveAsAnnAsync(string title, Action<DealForm> change)
    {
        var theirs = (await Services.GetRequiredService<DealFormQueries>().GetFormAsync(Stored(title).Id, Xunit.TestContext.Current.CancellationToken))!;
        change(theirs);
        var commands = Services.GetRequiredService<CommandRunner>();
        Assert.True((await commands.RunAsync(Actor.Create("ann@aideals.test", Roles.Analyst), new UpdateDeal(theirs), Xunit.TestContext.Current.CancellationToken)).IsSaved);
    }

    private IRenderedComponent<DealEditor> RenderEditor(string title)
    {
        var id = Stored(title).Id;
        var cut = RenderPage<DealEditor>(p => p.Add(e => e.Id, id));
        cut.WaitForElement("[data-testid=deal-editor]", Patience);
        return cut;
    }

    private static IElement Input(IRenderedComponent<DealEditor> cut, string testId) =>
        cut.Find($"[data-testid={testId}] input, input[data-testid={testId}]");

    /// <summary>The message MudBlazor shows under a field, or null when the field is fine.</summary>
    private static string? FieldMessage(IRenderedComponent<DealEditor> cut, string testId)
    {
        var control = Input(cut, testId).Closest(".mud-input-control")!;
        return control.QuerySelector(".mud-input-helper-text.mud-input-error")?.TextContent.Trim() is { Length: > 0 } text ? text : null;
    }

    private Deal Stored(string title)
    {
        using var db = Services.GetRequiredService<IDbContextFactory<AiDealsDbContext>>().CreateDbContext();
        return db.Deals.AsNoTracking().Single(d => d.Title == title);
    }

    private DealParticipant StoredParticipant(string title)
    {
        using var db = Services.GetRequiredService<IDbContextFactory<AiDealsDbContext>>().CreateDbContext();
        return db.DealParticipants.AsNoTracking().Single(p => p.Deal!.Title == title);
    }

    private AuditEntry LastDealAudit()
    {
        using var db = Services.GetRequiredService<IDbContextFactory<AiDealsDbContext>>().CreateDbContext();
        return db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(Deal)).OrderBy(a => a.Id).Last();
    }
}
