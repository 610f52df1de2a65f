using AiDeals.Core.Features;
using AiDeals.Core.Features.Accounts;
using AiDeals.Core.Features.Deals;
using AiDeals.Web.Tests.Support;
using Bunit;
using Microsoft.Extensions.DependencyInjection;

namespace AiDeals.Web.Tests.BadInput;

/// <summary>
/// Markup typed into a text field is text: it saves as typed (it breaks no rule) and the deal's page shows it as
/// characters, never as elements a browser would run.
/// </summary>
public sealed class MarkupInTextTests(EmptyDatabase database) : MudBunitContext(database), IClassFixture<EmptyDatabase>
{
    private const string Title = "<script>alert(1)</script>";
    private const string Notes = "<img src=x onerror=alert(1)><a href=\"javascript:alert(2)\">click</a>";

    [Fact]
    public async Task DealPage_TitleAndNotesWithMarkup_ShowTheCharactersAndNoElements()
    {
        var saved = await Services.GetRequiredService<CommandRunner>().RunAsync(
            Actor.Create("analyst@aideals.local", Roles.Analyst), new CreateDeal(new DealForm { Title = Title, Notes = Notes }),
            Xunit.TestContext.Current.CancellationToken);
        Assert.True(saved.IsSaved);

        var cut = RenderPage<AiDeals.Web.Features.Deals.DealDetail>(p => p.Add(d => d.Id, saved.Id!.Value));

        cut.WaitForAssertion(() => Assert.Equal(Title, cut.Find("[data-testid=deal-title]").TextContent.Trim()), TimeSpan.FromSeconds(10));
        Assert.Equal(Notes, cut.Find("[data-testid=deal-notes]").TextContent.Trim());
        Assert.Empty(cut.FindAll("script, img[onerror], a[href^=javascript]"));
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", cut.Markup, StringComparison.Ordinal);
    }
}
