using AiDeals.Core.Data;
using AiDeals.Core.Features.Accounts;
using AiDeals.Web.Features.Organizations;
using AiDeals.Web.Tests.Support;
using AngleSharp.Dom;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AiDeals.Web.Tests.Features.Organizations;

/// <summary>
/// The organization editor on the article's deal book: the messages a person sees next to each field, from the form's
/// annotations and from the command's rules. bUnit renders the page whatever its [Authorize] says, as a crafted client
/// could reach its handlers, so what a viewer gets here is what the command lets through.
/// </summary>
public sealed class OrganizationEditorTests(SeededDatabase database) : MudBunitContext(database), IClassFixture<SeededDatabase>
{
    [Fact]
    public void Save_EmptyNameAndFtpWebsite_ShowsBothMessagesUnderTheirFields()
    {
        SignIn(Roles.Analyst);
        var cut = RenderPage<OrganizationEditor>();
        cut.WaitForElement("[data-testid=organization-editor]");

        Field(cut, "website").Input("ftp://files.example.com");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() =>
        {
            Assert.Equal("Give the organization a name.", MessageUnder(cut, "name"));
            Assert.Equal("Enter a full web address starting with http:// or https://.", MessageUnder(cut, "website"));
        });
    }

    [Fact]
    public void Save_NameThatIsAnotherOrganizationsAlias_ShowsTheCommandsMessageNamingIt()
    {
        SignIn(Roles.Analyst);
        var cut = RenderPage<OrganizationEditor>(p => p.Add(e => e.Slug, "openai"));
        cut.WaitForElement("[data-testid=organization-editor]");

        Field(cut, "name").Input("SoftBank");
        Field(cut, "new-alias").Input("Stargate LLC");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() =>
        {
            Assert.Equal("“SoftBank” is already an alias of SoftBank Group.", MessageUnder(cut, "name"));
            Assert.Equal("The alias “Stargate LLC” is already an alias of Stargate.", cut.Find("[data-testid=alias-error]").TextContent.Trim());
        });
    }

    [Fact]
    public void Save_Viewer_IsRefusedByTheCommand()
    {
        SignIn(Roles.Viewer);
        var cut = RenderPage<OrganizationEditor>();
        cut.WaitForElement("[data-testid=organization-editor]");

        Field(cut, "name").Input("Viewer's Org");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Equal(
            "Only analysts can create or edit organizations.", cut.Find("[data-testid=form-errors]").TextContent.Trim()));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("1e400")]
    public async Task Save_FoundedYearNotANumber_SaysHowToWriteItAndSavesNothing(string typed)
    {
        var (year, version) = await FoundIn1993Async("wework");
        SignIn(Roles.Analyst);
        var cut = RenderPage<OrganizationEditor>(p => p.Add(e => e.Slug, "wework"));
        cut.WaitForElement("[data-testid=organization-editor]");

        Field(cut, "founded").Input(typed);
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Equal("Write the year in digits, such as 1993.", MessageUnder(cut, "founded")));
        Assert.Equal((year, version), await StoredAsync("wework"));
    }

    // Sets the year past the commands (as the stored state a test starts from) and answers it with the row's version.
    private async Task<(int? Year, int Version)> FoundIn1993Async(string slug)
    {
        var token = Xunit.TestContext.Current.CancellationToken;
        await using (var db = await Services.GetRequiredService<IDbContextFactory<AiDealsDbContext>>().CreateDbContextAsync(token))
        {
            await db.Organizations.Where(o => o.Slug == slug).ExecuteUpdateAsync(u => u.SetProperty(o => o.FoundedYear, 1993), token);
        }

        return await StoredAsync(slug);
    }

    private async Task<(int? Year, int Version)> StoredAsync(string slug)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<AiDealsDbContext>>().CreateDbContextAsync(Xunit.TestContext.Current.CancellationToken);
        return await db.Organizations.AsNoTracking().Where(o => o.Slug == slug)
            .Select(o => new ValueTuple<int?, int>(o.FoundedYear, o.Version)).SingleAsync(Xunit.TestContext.Current.CancellationToken);
    }

    private void SignIn(string role)
    {
        Authorization.SetAuthorized($"{role.ToLowerInvariant()}@aideals.local");
        Authorization.SetRoles(role);
    }

    private static IElement Field(IRenderedComponent<OrganizationEditor> cut, string testId) =>
        cut.Find($"[data-testid={testId}] input, [data-testid={testId}] textarea, input[data-testid={testId}], textarea[data-testid={testId}]");

    /// <summary>The error text MudBlazor shows under the field (its helper line turns into the message).</summary>
    private static string? MessageUnder(IRenderedComponent<OrganizationEditor> cut, string testId)
    {
        var input = Field(cut, testId);
        var control = input.Closest(".mud-input-control");
        return control?.QuerySelector(".mud-input-helper-text.mud-input-error")?.TextContent.Trim();
    }
}
