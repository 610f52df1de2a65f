using Microsoft.Playwright;

namespace AiDeals.E2E.Tests.Infrastructure;

/// <summary>
/// One running app and one Chromium for the whole test assembly; each test opens its own browser context
/// (its own cookies, storage and Blazor circuit) with <see cref="OpenSessionAsync"/>.
/// </summary>
public sealed class E2EFixture : IAsyncLifetime
{
    private readonly AiDealsServer _server = new();
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public Uri BaseAddress => _server.BaseAddress;

    /// <summary>Where screenshots for people to look at are written: <c>screenshots/</c> in the test output folder.</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async ValueTask InitializeAsync()
    {
        _server.Start();
        _playwright = await Playwright.CreateAsync();
        _browser = await ChromiumLauncher.LaunchAsync(_playwright);
        await WarmUpAsync();
    }

    // A new server's first page, circuit and login compile most of the app and hash a password for the first time:
    // 20 s and more on a busy machine, all of it charged to whichever test happens to run first. Done once here, with
    // room to spare, the first test's time is its own.
    private async Task WarmUpAsync()
    {
        await using var session = await OpenSessionAsync();
        session.Page.SetDefaultTimeout(120_000);
        await session.Page.GotoAsync("/account/login");
        var account = AiDeals.Core.Features.Accounts.DemoAccounts.Analyst;
        await new Pages.LoginPage(session.Page).LogInAsync(account.UserName, account.Password);
        await session.Page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
        await session.Page.GetByTestId("account-name").WaitForAsync();
    }

    /// <summary>A fresh browser context whose relative addresses resolve against the app.</summary>
    public Task<BrowserSession> OpenSessionAsync(ColorScheme colorScheme = ColorScheme.Light) => BrowserSession.OpenAsync(Browser, BaseAddress, colorScheme);

    /// <summary>A fresh browser context on another running app (one a test class starts for itself).</summary>
    public Task<BrowserSession> OpenSessionAsync(Uri baseAddress, ColorScheme colorScheme = ColorScheme.Light) => BrowserSession.OpenAsync(Browser, baseAddress, colorScheme);

    private IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser is not launched yet.");

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await _server.DisposeAsync();
    }
}
