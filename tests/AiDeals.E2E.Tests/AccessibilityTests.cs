using System.Globalization;
using System.Text;
using AiDeals.Core.Features.Accounts;
using AiDeals.E2E.Tests.Infrastructure;
using AiDeals.E2E.Tests.Pages;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AiDeals.E2E.Tests;

/// <summary>
/// axe-core's WCAG 2.x A and AA rules and its heading rules on every page, in the light and the dark theme, as a
/// visitor and as the role that sees the page's editing parts: no violation.
/// </summary>
public sealed class AccessibilityTests(E2EFixture fixture)
{
    private static readonly string[] WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    // Headings in order (one h1, no level skipped, none empty): axe files these under best practices, not under a WCAG
    // tag, so they run by name. A screen reader's list of headings is how its user finds their way round a page.
    private static readonly string[] HeadingRules = ["page-has-heading-one", "heading-order", "empty-heading"];

    // The pages each kind of visitor is audited on: what a visitor reads, what an analyst edits, what an admin manages.
    private static readonly Dictionary<string, string[]> PagesByRole = new(StringComparer.Ordinal)
    {
        ["anonymous"] =
        [
            "/", "/deals", "/deals?investor=softbank&sort=amount&desc=true", "/deals/1", "/organizations", "/organizations/softbank",
            "/valuations", "/events", "/account/login", "/not-found",
        ],
        ["analyst"] =
        [
            "/", "/deals", "/deals/1", "/deals/1/edit", "/deals/new", "/organizations/openai", "/organizations/softbank/edit",
            "/organizations/new", "/valuations/new", "/events/new", "/sources", "/history", "/import", "/intake", "/account/api-tokens", "/changes",
            "/changes?all=true", "/saved-views", "/deals/1?asOf=2099-12-31", "/history/compare?from=2020-01-01&to=2099-12-31", "/?asOf=2099-12-31",
            "/deals?status=InTalks&asOf=2099-12-31",
        ],
        ["admin"] = ["/admin/users", "/admin/rates"],
    };

    public static TheoryData<string, string> Visitors()
    {
        var data = new TheoryData<string, string>();
        foreach (var role in PagesByRole.Keys)
        {
            data.Add(role, "light");
            data.Add(role, "dark");
        }

        return data;
    }

    /// <summary>The dialogs, open over their page: a delete to confirm, a merge to choose, a new source to fill in.</summary>
    public static TheoryData<string, string, string> Dialogs() => new()
    {
        { "/deals/1", "delete-deal", "light" },
        { "/deals/1", "delete-deal", "dark" },
        { "/sources", "new-source", "light" },
        { "/sources", "new-source", "dark" },
        { "/organizations/openai", "Merge…", "light" },
        { "/organizations/openai", "Merge…", "dark" },
    };

    [Theory]
    [MemberData(nameof(Dialogs))]
    public async Task OpenDialog_HasNoWcagViolation(string path, string opener, string theme)
    {
        await using var session = await fixture.OpenSessionAsync(theme == "dark" ? ColorScheme.Dark : ColorScheme.Light);
        var page = session.Page;
        await LogInAsync(page, "analyst");
        await page.GotoAsync(path);
        await ReadyAsync(page, theme);

        var button = opener.EndsWith('…') ? page.GetByRole(AriaRole.Button, new() { Name = opener }) : page.GetByTestId(opener);
        await button.ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(dialog.Locator(".mud-progress-circular")).ToHaveCountAsync(0);

        var violations = await ViolationsAsync(page);
        Assert.True(violations.Length == 0, $"{path}, dialog of {opener} ({theme}):\n{violations}");
    }

    /// <summary>One browser session per kind of visitor and theme walks its pages; every page's violations are reported together.</summary>
    [Theory]
    [MemberData(nameof(Visitors))]
    public async Task EveryPage_HasNoWcagViolation(string role, string theme)
    {
        await using var session = await fixture.OpenSessionAsync(theme == "dark" ? ColorScheme.Dark : ColorScheme.Light);
        var page = session.Page;
        await LogInAsync(page, role);

        var report = new StringBuilder();
        foreach (var path in PagesByRole[role])
        {
            await page.GotoAsync(path);
            await ReadyAsync(page, theme);
            var violations = await ViolationsAsync(page);
            if (violations.Length > 0)
            {
                report.AppendLine(CultureInfo.InvariantCulture, $"{path} ({theme}, {role}):").Append(violations);
            }
        }

        Assert.True(report.Length == 0, report.ToString());
    }

    internal static async Task LogInAsync(IPage page, string role)
    {
        var account = role switch
        {
            "analyst" => DemoAccounts.Analyst,
            "admin" => DemoAccounts.Admin,
            _ => null,
        };
        if (account is null)
        {
            return;
        }

        await page.GotoAsync("/account/login");
        await new LoginPage(page).LogInAsync(account.UserName, account.Password);
        await Expect(new AccountBar(page).UserName).ToHaveTextAsync(account.DisplayName);
    }

    /// <summary>The circuit is up and the theme applied (the layout says which), and the page has stopped loading.</summary>
    internal static async Task ReadyAsync(IPage page, string theme)
    {
        if (!page.Url.Contains("/account/", StringComparison.Ordinal))
        {
            await Expect(page.Locator($"[data-theme='{theme}']")).ToHaveCountAsync(1);
        }

        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Expect(page.Locator(".mud-progress-circular, .mud-progress-linear, .mud-skeleton")).ToHaveCountAsync(0);
    }

    /// <summary>The violations as lines a person can act on: rule, impact, what to fix, and where.</summary>
    internal static async Task<string> ViolationsAsync(IPage page)
    {
        // One run: the WCAG tags, and the heading rules switched on by name (axe runs a rule enabled in Rules whatever its
        // tags), so axe is injected and walks the page once rather than twice.
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. WcagTags] },
            Rules = HeadingRules.ToDictionary(rule => rule, _ => new RuleOptions { Enabled = true }),
        });
        var text = new StringBuilder();
        foreach (var violation in result.Violations)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- {violation.Id} ({violation.Impact}): {violation.Help}");
            foreach (var node in violation.Nodes.Take(6))
            {
                var checks = node.Any.Concat(node.All).Concat(node.None).Select(c => c.Message);
                var html = node.Html.Length > 160 ? node.Html[..160] + "…" : node.Html;
                text.AppendLine(CultureInfo.InvariantCulture, $"    {node.Target} {html} :: {string.Join(" | ", checks)}");
            }
        }

        return text.ToString();
    }
}
