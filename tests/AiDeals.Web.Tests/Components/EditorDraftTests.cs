using AiDeals.Core.Data;
using AiDeals.Core.Features.Accounts;
using AiDeals.Web.Features.Organizations;
using AiDeals.Web.Tests.Support;
using AngleSharp.Dom;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace AiDeals.Web.Tests.Components;

/// <summary>
/// A form whose circuit ends before Save (the connection drops, the page is reloaded) is not lost: the next time the
/// analyst opens the same editor it offers the kept changes back. Shown here with the organization editor; every editor
/// runs in the same EditorShell.
/// </summary>
public sealed class EditorDraftTests(SeededDatabase database) : MudBunitContext(database), IClassFixture<SeededDatabase>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Reopen_AfterTheCircuitEndedUnsaved_OffersTheChangesBackAndRestoredTheySave()
    {
        SignIn();
        var first = OpenEditor("deepseek");
        Field(first, "description").Input("Typed before the connection dropped.");
        await DisposeComponentsAsync();

        var second = OpenEditor("deepseek");

        Assert.Contains("not saved", second.Find("[data-testid=draft-offer]").TextContent, StringComparison.Ordinal);
        Assert.NotEqual("Typed before the connection dropped.", ValueOf(Field(second, "description")));
        second.Find("[data-testid=draft-restore]").Click();
        second.WaitForAssertion(() => Assert.Equal("Typed before the connection dropped.", ValueOf(Field(second, "description"))));
        Assert.Empty(second.FindAll("[data-testid=draft-offer]"));
        second.Find("form").Submit();
        second.WaitForAssertion(() => Assert.Equal("Typed before the connection dropped.", StoredDescription("deepseek")), Patience);

        // Saved, the draft is gone.
        await DisposeComponentsAsync();
        Assert.Empty(OpenEditor("deepseek").FindAll("[data-testid=draft-offer]"));
    }

    [Fact]
    public async Task Reopen_DiscardTheDraft_TheFormStaysAsSavedAndTheOfferDoesNotComeBack()
    {
        SignIn();
        Field(OpenEditor("nvidia"), "description").Input("A thought not worth keeping.");
        await DisposeComponentsAsync();

        var second = OpenEditor("nvidia");
        second.Find("[data-testid=draft-discard]").Click();

        second.WaitForAssertion(() => Assert.Empty(second.FindAll("[data-testid=draft-offer]")));
        await DisposeComponentsAsync();
        Assert.Empty(OpenEditor("nvidia").FindAll("[data-testid=draft-offer]"));
        Assert.NotEqual("A thought not worth keeping.", StoredDescription("nvidia"));
    }

    [Fact]
    public async Task Reopen_AsAnotherAnalyst_OffersNothing()
    {
        SignIn("ann@aideals.local");
        Field(OpenEditor("microsoft"), "description").Input("Ann's unsaved words.");
        await DisposeComponentsAsync();

        SignIn("bob@aideals.local");

        Assert.Empty(OpenEditor("microsoft").FindAll("[data-testid=draft-offer]"));
    }

    [Fact]
    public void Save_NothingChanged_SaysNothingWasChangedInsteadOfSaved()
    {
        SignIn();
        var cut = OpenEditor("openai");

        cut.Find("form").Submit();

        var snackbars = Services.GetRequiredService<ISnackbar>();
        cut.WaitForAssertion(() => Assert.Equal(
            ["Nothing was changed, so the organization stays as it was."], snackbars.ShownSnackbars.Select(s => s.Message)), Patience);
        Assert.DoesNotContain(snackbars.ShownSnackbars, s => s.Message?.StartsWith("Saved", StringComparison.Ordinal) == true);
    }

    private IRenderedComponent<OrganizationEditor> OpenEditor(string slug)
    {
        var cut = RenderPage<OrganizationEditor>(p => p.Add(e => e.Slug, slug));
        cut.WaitForElement("[data-testid=organization-editor]", Patience);
        return cut;
    }

    private void SignIn(string user = "analyst@aideals.local")
    {
        Authorization.SetAuthorized(user);
        Authorization.SetRoles(Roles.Analyst);
    }

    private static IElement Field(IRenderedComponent<OrganizationEditor> cut, string testId) =>
        cut.Find($"[data-testid={testId}] input, [data-testid={testId}] textarea, input[data-testid={testId}], textarea[data-testid={testId}]");

    private static string? ValueOf(IElement field) => field.GetAttribute("value") ?? field.TextContent;

    private string? StoredDescription(string slug)
    {
        using var db = Services.GetRequiredService<IDbContextFactory<AiDealsDbContext>>().CreateDbContext();
        return db.Organizations.AsNoTracking().Where(o => o.Slug == slug).Select(o => o.Description).Single();
    }
}
