using Microsoft.Playwright;

namespace AiDeals.E2E.Tests.Infrastructure;

/// <summary>
/// Finds and launches Chromium: <c>AIDEALS_CHROMIUM</c> if set, else Debian's <c>/usr/bin/chromium</c>,
/// else Playwright's own build, installed on first use when the machine can download it.
/// </summary>
internal static class ChromiumLauncher
{
    private const string DebianChromium = "/usr/bin/chromium";

    private static readonly string[] LaunchArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        var executable = FindExecutable();
        if (executable is not null)
        {
            return await playwright.Chromium.LaunchAsync(Options(executable));
        }

        try
        {
            return await playwright.Chromium.LaunchAsync(Options(null));
        }
        catch (PlaywrightException ex) when (ex.Message.Contains("Executable doesn't exist", StringComparison.Ordinal))
        {
            // Playwright's own browser is not downloaded yet: this needs the internet, which CI may not have.
            var exitCode = Microsoft.Playwright.Program.Main(["install", "chromium"]);
            if (exitCode != 0)
            {
                throw new InvalidOperationException(
                    $"No Chromium to run the end-to-end tests: {DebianChromium} is missing, AIDEALS_CHROMIUM is not set, "
                    + $"and 'playwright install chromium' failed with exit code {exitCode}. Run 'apt-get install -y chromium'.",
                    ex);
            }

            return await playwright.Chromium.LaunchAsync(Options(null));
        }
    }

    private static string? FindExecutable()
    {
        var configured = Environment.GetEnvironmentVariable("AIDEALS_CHROMIUM");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(configured)
                ? configured
                : throw new FileNotFoundException($"AIDEALS_CHROMIUM points to '{configured}', which does not exist.", configured);
        }

        return File.Exists(DebianChromium) ? DebianChromium : null;
    }

    private static BrowserTypeLaunchOptions Options(string? executable) => new()
    {
        ExecutablePath = executable,
        Headless = true,
        Args = LaunchArgs,
    };
}
