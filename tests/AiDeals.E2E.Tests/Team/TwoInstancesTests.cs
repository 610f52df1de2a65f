using System.Diagnostics;
using System.Text.RegularExpressions;
using AiDeals.Core.Features.Accounts;
using AiDeals.E2E.Tests.Infrastructure;
using AiDeals.E2E.Tests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AiDeals.E2E.Tests.Team;

/// <summary>
/// Two instances of the app on one PostgreSQL database, as behind the team's load balancer: a login made on one is valid
/// on the other, and a save on one shows on the other's open pages without a reload.
/// </summary>
public sealed partial class TwoInstancesTests(E2EFixture fixture, TeamFixture team, ITestOutputHelper output) : IClassFixture<TeamFixture>
{
    [Fact]
    public async Task AnalystSavesOnA_DealOpenOnBWithTheLoginMadeOnA_ShowsItWithoutReloading()
    {
        await using var analyst = await fixture.OpenSessionAsync(team.A.BaseAddress);
        await analyst.Page.GotoAsync("account/login");
        await new LoginPage(analyst.Page).LogInAsync(DemoAccounts.Analyst.UserName, DemoAccounts.Analyst.Password);
        await Expect(new AccountBar(analyst.Page).UserName).ToHaveTextAsync(DemoAccounts.Analyst.DisplayName);

        // B asks a browser without a login to log in...
        await using var reader = await fixture.OpenSessionAsync(team.B.BaseAddress);
        await reader.Page.GotoAsync("deals/1");
        await Expect(new LoginPage(reader.Page).Heading).ToBeVisibleAsync();

        // ...and takes the cookies A issued: B reads them with the key ring both keep in the database (each instance has
        // a home folder of its own, so no key is shared any other way).
        var issuedByA = await analyst.Page.Context.CookiesAsync([team.A.BaseAddress.ToString()]);
        Assert.Contains(issuedByA, c => c.Name == "AiDeals.Auth");
        await reader.Page.Context.ClearCookiesAsync();
        await reader.Page.Context.AddCookiesAsync(issuedByA.Select(c => new Cookie { Name = c.Name, Value = c.Value, Url = team.B.BaseAddress.ToString() }));
        await reader.Page.GotoAsync("deals/1");
        var deal = await DealDetailPage.WaitForAsync(reader.Page, "SoftBank–OpenAI AI partnership");
        await reader.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Expect(new AccountBar(reader.Page).UserName).ToHaveTextAsync(DemoAccounts.Analyst.DisplayName);

        // A reload would drop this marker: the new text must arrive over B's own circuit.
        await reader.Page.EvaluateAsync("() => { window.stillTheSamePage = true; }");
        var notes = $"Read again on instance A ({Guid.NewGuid():N}).";
        var editor = await DealEditorPage.OpenAsync(analyst.Page, 1);
        await editor.Notes.FillAsync(notes);
        var clock = Stopwatch.StartNew();
        await editor.Save.ClickAsync();
        await Expect(analyst.Page).ToHaveURLAsync(DealAddress());

        await Expect(deal.Page.GetByTestId("deal-notes")).ToHaveTextAsync(notes, new() { Timeout = 5_000 });
        output.WriteLine($"Saved on A, shown on B {clock.ElapsedMilliseconds} ms after the click (the save, NOTIFY, B's 100 ms debounce, its reload and render)");
        Assert.True(await reader.Page.EvaluateAsync<bool>("() => window.stillTheSamePage === true"));
        Assert.Empty(reader.PageErrors);
        Assert.Empty(analyst.PageErrors);
    }

    [GeneratedRegex("/deals/1$")]
    private static partial Regex DealAddress();
}
