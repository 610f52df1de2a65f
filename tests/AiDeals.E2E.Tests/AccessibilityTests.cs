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
/// axe-core's WCAG 2.x A and AA rules on every page, in the light and the dark theme, as a visitor and as the role
/// that sees the page's editing parts: no violation.
/// </summary>
public sealed class AccessibilityTests(E2EFixture fixture)
{
    private static readonly string[] WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    public static TheoryData<string, string, string> Pages()
    {
        var pages = new (string Path, string Role)[]
        {
            ("/", "anonymous"),
            ("/", "analyst"),
            ("/deals", "anonymous"),
            ("/deals", "analyst"),
            ("/deals?investor=softbank&sort=amount&desc=true", "anonymous"),
            ("/deals/1", "anonymous"),
            ("/deals/1", "analyst"),
            ("/deals/1/edit", "analyst"),
            ("/deals/new", "analyst"),
            ("/organizations", "anonymous"),
            ("/organizations/softbank", "anonymous"),
            ("/organizations/openai", "analyst"),
            ("/organizations/softbank/edit", "analyst"),
            ("/organizations/new", "analyst"),
            ("/valuations", "anonymous"),
            ("/valuations/new", "analyst"),
            ("/events", "anonymous"),
            ("/events/new", "analyst"),
            ("/sources", "analyst"),
            ("/history", "analyst"),
            ("/admin/users", "admin"),
            ("/account/login", "anonymous"),
            ("/not-found", "anonymous"),
        };
        var data = new TheoryData<string, string, string>();
        foreach (var (path, role) in pages)
        {
            data.Add(path, "light", role);
            data.Add(path, "dark", role);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_HasNoWcagViolation(string path, string theme, string role)
    {
        await using var session = await fixture.OpenSessionAsync(theme == "dark" ? ColorScheme.Dark : ColorScheme.Light);
        var page = session.Page;
        await LogInAsync(page, role);

        await page.GotoAsync(path);
        await ReadyAsync(page, theme);

        var violations = await ViolationsAsync(page);
        Assert.True(violations.Length == 0, $"{path} ({theme}, {role}):\n{violations}");
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
        var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. WcagTags] } });
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
