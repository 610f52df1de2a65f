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
    }

    /// <summary>A fresh browser context whose relative addresses resolve against the app.</summary>
    public Task<BrowserSession> OpenSessionAsync(ColorScheme colorScheme = ColorScheme.Light) => BrowserSession.OpenAsync(Browser, BaseAddress, colorScheme);

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
