using Microsoft.Playwright;

namespace AiDeals.E2E.Tests.Infrastructure;

/// <summary>
/// One browser context and its page, as one person with a fresh browser would have; closing it ends the Blazor circuit.
/// It records the script errors the page raised, so a test can check that the page ran cleanly.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly List<string> _pageErrors = [];

    private BrowserSession(IPage page)
    {
        Page = page;
        page.PageError += (_, error) =>
        {
            lock (_pageErrors)
            {
                _pageErrors.Add(error);
            }
        };
    }

    public IPage Page { get; }

    /// <summary>Uncaught script errors seen so far.</summary>
    public IReadOnlyList<string> PageErrors
    {
        get
        {
            lock (_pageErrors)
            {
                return [.. _pageErrors];
            }
        }
    }

    internal static async Task<BrowserSession> OpenAsync(IBrowser browser, Uri baseAddress, ColorScheme colorScheme = ColorScheme.Light)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
            Locale = "en-US",
            ColorScheme = colorScheme,
        });

        // Generous: the CI machine has two cores and may be building or testing other projects at the same time.
        context.SetDefaultTimeout(20_000);
        context.SetDefaultNavigationTimeout(30_000);
        Assertions.SetDefaultExpectTimeout(15_000);
        return new BrowserSession(await context.NewPageAsync());
    }

    public async ValueTask DisposeAsync() => await Page.Context.CloseAsync();
}
