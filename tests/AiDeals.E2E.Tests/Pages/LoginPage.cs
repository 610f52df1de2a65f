using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AiDeals.E2E.Tests.Pages;

/// <summary>The login page at <c>/account/login</c>, a plain form rendered by the server.</summary>
public sealed class LoginPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Log in", Level = 1 });

    public ILocator Email => page.GetByLabel("Email");

    public ILocator Password => page.GetByLabel("Password");

    public ILocator Submit => page.GetByRole(AriaRole.Button, new() { Name = "Log in", Exact = true });

    public ILocator Error => page.GetByTestId("login-error");

    /// <summary>Fills the form and submits it; the caller checks where it lands.</summary>
    public async Task LogInAsync(string email, string password)
    {
        await Expect(Heading).ToBeVisibleAsync();
        await Email.FillAsync(email);
        await Password.FillAsync(password);
        await Submit.ClickAsync();
    }
}

/// <summary>The app bar's account corner and the drawer's admin link, on any page.</summary>
public sealed class AccountBar(IPage page)
{
    public ILocator LogInLink => page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "Log in" });

    public ILocator LogOutButton => page.GetByRole(AriaRole.Button, new() { Name = "Log out" });

    public ILocator UserName => page.GetByTestId("account-name");

    public ILocator Role => page.GetByTestId("account-role");

    public ILocator UsersLink => page.GetByRole(AriaRole.Link, new() { Name = "Users", Exact = true });
}
