using AiDeals.Core.Data;
using AiDeals.Core.Features.Accounts;
using AiDeals.Web.Features.Accounts;
using AiDeals.Web.Tests.Support;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.Extensions.DependencyInjection;

namespace AiDeals.Web.Tests.Features.Accounts;

/// <summary>
/// The API tokens page on a real database with the demo accounts: a new token is shown once, the list shows only its
/// prefix, and revoking asks first. What it checks is what <see cref="ApiTokenService"/> stored, not only the markup.
/// </summary>
public sealed class ApiTokensPageTests : MudBunitContext, IClassFixture<EmptyDatabase>, IAsyncLifetime
{
    private static readonly Actor Analyst = Actor.Create(DemoAccounts.Analyst.UserName, Roles.Analyst);

    private readonly BunitAuthorizationContext _authorization;

    // Seeding and checking go through services of their own: bUnit's container takes no registration once read from.
    private readonly ServiceProvider _setup;

    public ApiTokensPageTests(EmptyDatabase database)
        : base(database)
    {
        Services.AddAiDealsAccounts();
        _authorization = AddAuthorization();
        var setup = new ServiceCollection().AddLogging().AddAiDealsCore(database.Settings);
        setup.AddAiDealsAccounts();
        _setup = setup.BuildServiceProvider();
    }

    private static CancellationToken Cancel => Xunit.TestContext.Current.CancellationToken;

    private ApiTokenService Tokens => _setup.GetRequiredService<ApiTokenService>();

    public async ValueTask InitializeAsync() =>
        await _setup.GetRequiredService<AccountSeeder>().SeedAsync(new AccountSeedOptions(true, null, null), Cancel);

    [Fact]
    public async Task Create_Named_ShowsTheWorkingTokenOnceAndListsItByItsPrefixOnly()
    {
        SignIn(DemoAccounts.Analyst);
        var cut = RenderPage<ApiTokens>();
        cut.WaitForAssertion(() => Assert.Contains("You have no API tokens", cut.Markup, StringComparison.Ordinal));

        cut.Find("input:not([readonly])").Change("nightly export");
        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Create token").Click();

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=token-created] input")));
        var token = cut.Find("[data-testid=token-created] input").GetAttribute("value")!;
        Assert.StartsWith("aid_", token, StringComparison.Ordinal);
        Assert.Equal("nightly export", (await Tokens.FindAsync(token, Cancel))?.TokenName);
        var row = cut.FindAll("[data-testid=token-table] tbody tr").Single();
        Assert.Contains("nightly export", row.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(token, row.TextContent, StringComparison.Ordinal);

        // Shown once: the page opened again lists the token but can no longer show it.
        var again = Render<ApiTokens>();
        again.WaitForAssertion(() => Assert.Contains("nightly export", again.Markup, StringComparison.Ordinal));
        Assert.Empty(again.FindAll("[data-testid=token-created]"));
        Assert.DoesNotContain(token, again.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_WithoutAName_SaysSoAndCreatesNothing()
    {
        SignIn(DemoAccounts.Viewer);
        var cut = RenderPage<ApiTokens>();
        cut.WaitForAssertion(() => Assert.Contains("You have no API tokens", cut.Markup, StringComparison.Ordinal));

        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Create token").Click();

        cut.WaitForAssertion(() => Assert.Contains("Give the token a name.", cut.Find("[data-testid=token-error]").TextContent, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("[data-testid=token-created]"));
        Assert.Contains("You have no API tokens", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoke_AsksToConfirm_KeepLeavesItAndConfirmingRevokesIt()
    {
        var created = await Tokens.CreateAsync(Analyst, "to revoke", Cancel);
        SignIn(DemoAccounts.Analyst);
        var cut = RenderPage<ApiTokens>();
        AngleSharp.Dom.IElement? Row() => cut.FindAll("[data-testid=token-table] tbody tr").SingleOrDefault(r => r.TextContent.Contains("to revoke", StringComparison.Ordinal));
        cut.WaitForAssertion(() => Assert.NotNull(Row()));

        Row()!.QuerySelectorAll("button").Single(b => b.TextContent.Trim() == "Revoke").Click();
        cut.WaitForAssertion(() => Assert.Contains(Row()!.QuerySelectorAll("button"), b => b.TextContent.Trim() == "Revoke to revoke"));
        Assert.NotNull(await Tokens.FindAsync(created.Token!, Cancel));

        Row()!.QuerySelectorAll("button").Single(b => b.TextContent.Trim() == "Keep").Click();
        cut.WaitForAssertion(() => Assert.DoesNotContain(Row()!.QuerySelectorAll("button"), b => b.TextContent.Trim() == "Revoke to revoke"));
        Assert.NotNull(await Tokens.FindAsync(created.Token!, Cancel));

        Row()!.QuerySelectorAll("button").Single(b => b.TextContent.Trim() == "Revoke").Click();
        cut.WaitForAssertion(() => Assert.Contains(Row()!.QuerySelectorAll("button"), b => b.TextContent.Trim() == "Revoke to revoke"));
        Row()!.QuerySelectorAll("button").Single(b => b.TextContent.Trim() == "Revoke to revoke").Click();

        cut.WaitForAssertion(() => Assert.Null(Row()));
        Assert.Null(await Tokens.FindAsync(created.Token!, Cancel));
        Assert.DoesNotContain(await Tokens.ListAsync(Analyst, Cancel), t => t.Name == "to revoke");
    }

    private void SignIn(DemoAccount account)
    {
        _authorization.SetAuthorized(account.UserName);
        _authorization.SetRoles(account.Role);
    }
}
