using AiDeals.Core.Data;
using AiDeals.Core.Features.Accounts;
using AiDeals.Web.Features.Intake;
using AiDeals.Web.Tests.Support;
using AngleSharp.Dom;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AiDeals.Web.Tests.Features.Intake;

/// <summary>
/// The news intake page on a real empty database: the seed article pasted gives its cards beside the article, a
/// rejected card is not saved, the accepted ones are; an article without figures says so; a missing text is refused.
/// </summary>
public sealed class IntakePageTests : MudBunitContext, IClassFixture<EmptyDatabase>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly ServiceProvider _check;

    public IntakePageTests(EmptyDatabase database)
        : base(database)
    {
        Authorization.SetAuthorized("analyst@aideals.local");
        Authorization.SetRoles(Roles.Analyst);
        _check = new ServiceCollection().AddLogging().AddAiDealsCore(database.Settings).BuildServiceProvider();
    }

    private static CancellationToken Cancel => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task SeedArticle_RejectOneAcceptTheRest_SavesAllButTheRejectedOne()
    {
        var cut = Read(File.ReadAllText(SeedData.ArticlePath), "SoftBank Plans $25 Billion OpenAI Investment");
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=intake-card]")), Patience);
        var cards = cut.FindAll("[data-testid=intake-card]");
        Assert.Contains(cards, c => c.GetAttribute("data-kind") == "Valuation");
        Assert.All(cards, c => Assert.NotEmpty(c.QuerySelectorAll(".intake-quote-text")));
        Assert.NotEmpty(cut.FindAll("mark.intake-quote"));

        Click(cut, "intake-accept-all");
        // Found and clicked in one step on the renderer: the accepted cards' render may end in between.
        await cut.InvokeAsync(() => Card(cut, "SoftBank investment in WeWork").QuerySelector("[data-testid=intake-reject]")!.Click());
        cut.WaitForAssertion(() => Assert.Equal("Rejected", Card(cut, "SoftBank investment in WeWork").QuerySelector("[data-testid=intake-decision]")!.TextContent.Trim()));
        Click(cut, "intake-save");

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=intake-saved]")), Patience);
        await using var db = await _check.GetRequiredService<IDbContextFactory<AiDealsDbContext>>().CreateDbContextAsync(Cancel);
        Assert.False(await db.Organizations.AnyAsync(o => o.Name == "WeWork", Cancel));
        Assert.Equal(cards.Count(c => c.GetAttribute("data-kind") == "Deal") - 1, await db.Deals.CountAsync(Cancel));
        Assert.True(await db.Deals.AnyAsync(d => d.Title == "SoftBank–OpenAI partnership", Cancel));
        Assert.Single(await db.AuditEntries.Select(a => a.Batch).Distinct().ToListAsync(Cancel));
    }

    [Fact]
    public void ArticleWithoutFigures_SaysSo()
    {
        var cut = Read("The weather was mild. Analysts spent the day reading reports.\nNothing was announced.", "A quiet day");

        cut.WaitForAssertion(() => Assert.Contains("No deal, valuation or market event found", cut.Find("[data-testid=intake-none]").TextContent, StringComparison.Ordinal), Patience);
        Assert.Empty(cut.FindAll("[data-testid=intake-card]"));
    }

    [Fact]
    public void NoText_IsRefusedWithAMessage_AndNothingIsRead()
    {
        var cut = Read(string.Empty, "Untitled");

        cut.WaitForAssertion(() => Assert.Contains("Paste the article's text or upload it.", cut.Markup, StringComparison.Ordinal), Patience);
        Assert.Empty(cut.FindAll("[data-testid=intake-card]"));
    }

    private IRenderedComponent<IntakePage> Read(string text, string title)
    {
        var cut = RenderPage<IntakePage>();
        cut.Find("textarea").Change(text);
        cut.Find("input[data-testid=intake-title]").Change(title);
        cut.Find("form").Submit();
        return cut;
    }

    private static void Click(IRenderedComponent<IntakePage> cut, string testId) => cut.Find($"[data-testid={testId}]").Click();

    private static IElement Card(IRenderedComponent<IntakePage> cut, string title) =>
        cut.FindAll("[data-testid=intake-card]").Single(c => c.QuerySelectorAll("input").Any(i => i.GetAttribute("value") == title));
}
