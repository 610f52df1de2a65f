using AiDeals.Core.Data;
using AiDeals.Core.Features.Accounts;
using AiDeals.Web.Features.Accounts;
using AiDeals.Web.Tests.Support;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace AiDeals.Web.Tests.Features.Accounts;

/// <summary>
/// The user admin page on a real database with the demo accounts. bUnit renders the page whatever [Authorize] says,
/// as a crafted client could reach its handlers: what a non-admin sees here is what AccountService lets through.
/// </summary>
public sealed class UserAdminTests : MudBunitContext, IClassFixture<EmptyDatabase>, IAsyncLifetime
{
    private static readonly Actor Admin = Actor.Create(DemoAccounts.Admin.UserName, Roles.Admin);

    private readonly BunitAuthorizationContext _authorization;

    // Seeding and checking go through services of their own: bUnit's container takes no registration once read from.
    private readonly ServiceProvider _setup;

    public UserAdminTests(EmptyDatabase database)
        : base(database)
    {
        Services.AddAiDealsAccounts();
        _authorization = AddAuthorization();
        var setup = new ServiceCollection().AddLogging().AddAiDealsCore(database.Settings);
        setup.AddAiDealsAccounts();
        _setup = setup.BuildServiceProvider();
    }

    private static CancellationToken Cancel => Xunit.TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() =>
        await _setup.GetRequiredService<AccountSeeder>().SeedAsync(new AccountSeedOptions(true, null, null), Cancel);

    [Fact]
    public void Render_Admin_ListsEveryAccountAndCannotLockThemself()
    {
        SignIn(DemoAccounts.Admin);

        var cut = RenderPage<UserAdmin>();

        cut.WaitForAssertion(() => Assert.Equal(
            DemoAccounts.All.Select(d => d.UserName).Order(StringComparer.Ordinal),
            cut.FindAll("[data-testid=user-email]").Select(cell => cell.TextContent.Trim()).Where(e => e.EndsWith("@aideals.local", StringComparison.Ordinal))));
        var ownRow = cut.FindAll("tr").Single(row => row.TextContent.Contains(DemoAccounts.Admin.UserName, StringComparison.Ordinal));
        Assert.True(ownRow.QuerySelectorAll("button").Single(b => b.TextContent.Trim() == "Lock").HasAttribute("disabled"));
    }

    [Fact]
    public void Render_Viewer_ShowsNoAccountAndSaysOnlyAnAdminCanManageThem()
    {
        SignIn(DemoAccounts.Viewer);

        var cut = RenderPage<UserAdmin>();

        cut.WaitForAssertion(() => Assert.Contains(
            "Only an admin can manage user accounts.", cut.Find("[data-testid=account-errors]").TextContent, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("[data-testid=user-email]"));
    }

    [Fact]
    public async Task ClickLock_Admin_LocksTheAccountAndShowsIt()
    {
        const string email = "to-lock@example.com";
        var created = await _setup.GetRequiredService<AccountService>().CreateUserAsync(Admin, new NewUser(email, null, Roles.Viewer, "LockMeNow2025"), Cancel);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors));
        SignIn(DemoAccounts.Admin);
        var cut = RenderPage<UserAdmin>();
        AngleSharp.Dom.IElement Row() => cut.FindAll("tr").Single(r => r.TextContent.Contains(email, StringComparison.Ordinal));
        cut.WaitForAssertion(() => Assert.Contains("Active", Row().TextContent, StringComparison.Ordinal));

        Row().QuerySelectorAll("button").Single(b => b.TextContent.Trim() == "Lock").Click();

        cut.WaitForAssertion(() => Assert.Contains("Locked", Row().TextContent, StringComparison.Ordinal));
        await using var scope = _setup.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        Assert.True(await users.IsLockedOutAsync((await users.FindByNameAsync(email))!));
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await _setup.DisposeAsync();
        await base.DisposeAsyncCore();
    }

    private void SignIn(DemoAccount account)
    {
        _authorization.SetAuthorized(account.UserName);
        _authorization.SetRoles(account.Role);
    }
}
