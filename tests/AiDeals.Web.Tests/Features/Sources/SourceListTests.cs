using AiDeals.Core.Features;
using AiDeals.Core.Features.Accounts;
using AiDeals.Core.Features.Sources;
using AiDeals.Web.Features.Accounts;
using AiDeals.Web.Features.Sources;
using AiDeals.Web.Tests.Support;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace AiDeals.Web.Tests.Features.Sources;

/// <summary>The sources page: the list with citation counts, and delete for analysts only.</summary>
public sealed class SourceListTests(SeededDatabase database) : MudBunitContext(database), IClassFixture<SeededDatabase>
{
    // Saves go to a real database; on a busy machine they take longer than bUnit's one-second default.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private static CancellationToken Token => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public void Render_Analyst_SeesDeleteOnEverySource()
    {
        SignIn(Roles.Analyst);

        var cut = RenderPage<SourceList>();

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("tbody tr.mud-table-row")), Patience);
        Assert.Equal(cut.FindAll("tbody tr.mud-table-row").Count, cut.FindAll("[data-testid=delete-source]").Count);
        Assert.Single(cut.FindAll("[data-testid=new-source]"));
    }

    [Fact]
    public void Render_Viewer_SeesTheSourcesButNoDelete()
    {
        SignIn(Roles.Viewer);

        var cut = RenderPage<SourceList>();

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("tbody tr.mud-table-row")), Patience);
        Assert.Empty(cut.FindAll("[data-testid=delete-source], [data-testid=edit-source], [data-testid=new-source]"));
    }

    [Fact]
    public async Task Delete_UncitedSourceConfirmed_LeavesTheList()
    {
        const string title = "A memo nobody cites";
        var created = await Services.GetRequiredService<CommandRunner>().RunAsync(Actor.Create("ann@aideals.test", Roles.Analyst), new CreateSource(new SourceForm { Title = title }), Token);
        Assert.True(created.IsSaved);
        SignIn(Roles.Analyst);
        var dialogs = Render<MudDialogProvider>();

        var cut = RenderPage<SourceList>();
        cut.WaitForAssertion(() => Assert.Contains(title, Titles(cut)), Patience);
        var row = cut.FindAll("tbody tr.mud-table-row").Single(r => r.QuerySelector("[data-testid=source-title]")!.TextContent.Trim() == title);
        Assert.Equal("0", row.QuerySelector("[data-testid=source-citations]")!.TextContent.Trim());

        row.QuerySelector("[data-testid=delete-source]")!.Click();
        dialogs.WaitForAssertion(() => Assert.Contains(dialogs.FindAll(".mud-dialog button"), b => b.TextContent.Trim() == "Delete"), Patience);
        dialogs.FindAll(".mud-dialog button").First(b => b.TextContent.Trim() == "Delete").Click();

        cut.WaitForAssertion(() => Assert.DoesNotContain(title, Titles(cut)), Patience);
        Assert.Null(await Services.GetRequiredService<SourceQueries>().GetFormAsync(created.Id!.Value, Token));
    }

    private static List<string> Titles(IRenderedComponent<SourceList> cut) =>
        [.. cut.FindAll("[data-testid=source-title]").Select(td => td.TextContent.Trim())];

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
}
