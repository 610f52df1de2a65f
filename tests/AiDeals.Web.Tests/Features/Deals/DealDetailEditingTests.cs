using AiDeals.Core.Data;
using AiDeals.Core.Features;
using AiDeals.Core.Features.Accounts;
using AiDeals.Core.Features.Deals;
using AiDeals.Web.Features.Accounts;
using AiDeals.Web.Tests.Support;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AiDeals.Web.Tests.Features.Deals;

/// <summary>The deal page's edit controls: for analysts only, and a deleted deal's page with its way back.</summary>
public sealed class DealDetailEditingTests(SeededDatabase database) : MudBunitContext(database), IClassFixture<SeededDatabase>
{
    // Saves go to a real database; on a busy machine they take longer than bUnit's one-second default.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private const string WeWork = "SoftBank investment in WeWork";
    private const string Microsoft = "Microsoft backing of OpenAI";

    private static CancellationToken Token => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public void Render_Analyst_OffersEditAndDelete()
    {
        SignIn(Roles.Analyst);

        var cut = RenderDeal(WeWork);

        Assert.Equal($"/deals/{IdOf(WeWork)}/edit", cut.Find("[data-testid=edit-deal]").GetAttribute("href"));
        Assert.Single(cut.FindAll("[data-testid=delete-deal]"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(Roles.Viewer)]
    public void Render_AnonymousOrViewer_ShowsNoEditControls(string? role)
    {
        if (role is not null)
        {
            SignIn(role);
        }

        var cut = RenderDeal(WeWork);

        Assert.Empty(cut.FindAll("[data-testid=deal-actions]"));
        Assert.Empty(cut.FindAll("[data-testid=edit-deal], [data-testid=delete-deal]"));
    }

    [Fact]
    public async Task Render_DeletedDeal_SaysWhoDeletedItAndRestoresItForAnAnalyst()
    {
        var form = (await Services.GetRequiredService<DealFormQueries>().GetFormAsync(IdOf(Microsoft), Token))!;
        var commands = Services.GetRequiredService<CommandRunner>();
        Assert.True((await commands.RunAsync(Actor.Create("ann@aideals.test", Roles.Analyst), new DeleteDeal(form.Id, form.Version), Token)).IsSaved);
        SignIn(Roles.Analyst);

        var cut = RenderPage<AiDeals.Web.Features.Deals.DealDetail>(p => p.Add(d => d.Id, form.Id));

        var banner = cut.WaitForElement("[data-testid=deal-deleted]", Patience);
        Assert.Contains("deleted by ann@aideals.test", banner.TextContent, StringComparison.Ordinal);
        Assert.Equal(Microsoft, cut.Find("h1").TextContent.Trim());
        Assert.NotEmpty(cut.FindAll("[data-testid=history-entry]"));

        cut.Find("[data-testid=restore-deal]").Click();

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=deal-deleted]")), Patience);
        Assert.NotNull(await Services.GetRequiredService<DealDetailQueries>().GetDetailAsync(form.Id, Token));
    }

    // bUnit's authorization answers policies by name: grant CanEdit as the app's policy does, to analysts and admins.
    private void SignIn(string role)
    {
        Authorization.SetAuthorized(role.ToLowerInvariant() + "@aideals.local");
        Authorization.SetRoles(role);
        if (Actor.Create("someone", role).CanEdit)
        {
            Authorization.SetPolicies(Policies.CanEdit);
        }
    }

    private IRenderedComponent<AiDeals.Web.Features.Deals.DealDetail> RenderDeal(string title)
    {
        var cut = RenderPage<AiDeals.Web.Features.Deals.DealDetail>(p => p.Add(d => d.Id, IdOf(title)));
        cut.WaitForElement("[data-testid=deal-amount]", Patience);
        return cut;
    }

    private int IdOf(string title)
    {
        using var db = Services.GetRequiredService<IDbContextFactory<AiDealsDbContext>>().CreateDbContext();
        return db.Deals.Where(d => d.Title == title).Select(d => d.Id).Single();
    }
}
