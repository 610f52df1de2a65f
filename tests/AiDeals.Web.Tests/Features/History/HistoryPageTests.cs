using AiDeals.Core.Features;
using AiDeals.Core.Features.Accounts;
using AiDeals.Core.Features.Organizations;
using AiDeals.Core.Features.Sources;
using AiDeals.Core.Features.Valuations;
using AiDeals.Web.Features.History;
using AiDeals.Web.Tests.Support;
using Bunit;
using Microsoft.Extensions.DependencyInjection;

namespace AiDeals.Web.Tests.Features.History;

/// <summary>/history on the article's deal book: the filters from the address, and restoring a deletion from its entry.</summary>
public sealed class HistoryPageTests(SeededDatabase database) : MudBunitContext(database), IClassFixture<SeededDatabase>
{
    private static CancellationToken Token => Xunit.TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/history?page=abc")]
    [InlineData("/history?id=abc")]
    [InlineData("/history?id=&page=-3")]
    [InlineData("/history?page=99999999999999999999")]
    public void Render_JunkInTheAddress_IsIgnoredAndTheFirstPageShows(string address)
    {
        SignIn(Roles.Analyst);
        Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo(address);

        var cut = RenderPage<HistoryPage>();

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=history-entry]")));
        Assert.DoesNotContain("Something went wrong", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_PagePastTheEndInAddress_MovesToTheLastPage()
    {
        SignIn(Roles.Analyst);
        var navigation = Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>();
        navigation.NavigateTo("/history?page=2147483647");

        var cut = RenderPage<HistoryPage>();

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=history-entry]")));
        Assert.DoesNotContain("page=2147483647", navigation.Uri, StringComparison.Ordinal);
        Assert.DoesNotContain("No changes recorded yet", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_TypeInTheAddress_ListsOnlyThatTypeLinkedToItsRecord()
    {
        SignIn(Roles.Analyst);
        Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo("/history?type=Valuation");

        var cut = RenderPage<HistoryPage>();

        cut.WaitForAssertion(() =>
        {
            var entries = cut.FindAll("[data-testid=history-entry]");
            Assert.NotEmpty(entries);
            Assert.All(entries, e => Assert.Contains("Valuation", e.TextContent, StringComparison.Ordinal));
            Assert.Contains(cut.FindAll("[data-testid=history-record-link]"), a => a.GetAttribute("href") == "/organizations/openai");
        });
    }

    [Fact]
    public async Task ClickRestore_DeletedValuation_BringsItBackAndTheButtonGoes()
    {
        var valuations = Services.GetRequiredService<ValuationQueries>();
        var analyst = Actor.Create("analyst@aideals.local", Roles.Analyst);
        var created = await Services.GetRequiredService<CommandRunner>().RunAsync(analyst, new CreateValuation(new ValuationForm { OrganizationId = await OpenAiIdAsync(), AsOf = "2023-04", Amount = 29_000_000_000 }), Token);
        await Services.GetRequiredService<CommandRunner>().RunAsync(analyst, new DeleteValuation(created.Id!.Value, created.Version!.Value), Token);
        SignIn(Roles.Analyst);
        Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo($"/history?type=Valuation&id={created.Id}");
        var cut = RenderPage<HistoryPage>();

        cut.WaitForElement("[data-testid=history-restore]").Click();

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=history-restore]")));
        Assert.NotNull(await valuations.GetFormAsync(created.Id.Value, Token));
        Assert.Contains("Restored", cut.Find("[data-testid=history-entry]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClickRestore_DeletedSource_BringsItBack()
    {
        var sources = Services.GetRequiredService<SourceQueries>();
        var analyst = Actor.Create("analyst@aideals.local", Roles.Analyst);
        var created = await Services.GetRequiredService<CommandRunner>().RunAsync(analyst, new CreateSource(new SourceForm { Title = "A memo to restore" }), Token);
        Assert.True((await Services.GetRequiredService<CommandRunner>().RunAsync(analyst, new DeleteSource(created.Id!.Value, created.Version!.Value), Token)).IsSaved);
        SignIn(Roles.Analyst);
        Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo($"/history?type=Source&id={created.Id}");
        var cut = RenderPage<HistoryPage>();

        cut.WaitForElement("[data-testid=history-restore]", TimeSpan.FromSeconds(10)).Click();

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=history-restore]")), TimeSpan.FromSeconds(10));
        Assert.Equal("A memo to restore", (await sources.GetFormAsync(created.Id.Value, Token))!.Title);
    }

    [Fact]
    public async Task Render_Viewer_ShowsNoRestoreButton()
    {
        var valuations = Services.GetRequiredService<ValuationQueries>();
        var analyst = Actor.Create("analyst@aideals.local", Roles.Analyst);
        var created = await Services.GetRequiredService<CommandRunner>().RunAsync(analyst, new CreateValuation(new ValuationForm { OrganizationId = await OpenAiIdAsync(), AsOf = "2022", Amount = 20_000_000_000 }), Token);
        await Services.GetRequiredService<CommandRunner>().RunAsync(analyst, new DeleteValuation(created.Id!.Value, created.Version!.Value), Token);
        SignIn(Roles.Viewer);
        Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo($"/history?type=Valuation&id={created.Id}");

        var cut = RenderPage<HistoryPage>();

        cut.WaitForAssertion(() => Assert.Contains("Deleted", cut.Find("[data-testid=history-entry]").TextContent, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("[data-testid=history-restore]"));
    }

    private void SignIn(string role)
    {
        Authorization.SetAuthorized($"{role.ToLowerInvariant()}@aideals.local");
        Authorization.SetRoles(role);
    }

    private async Task<int> OpenAiIdAsync() =>
        (await Services.GetRequiredService<OrganizationQueries>().GetFormAsync("openai", Token))!.Id;
}
