using AiDeals.Core.Data;
using AiDeals.Core.Features;
using AiDeals.Core.Features.Accounts;
using AiDeals.Core.Features.Organizations;
using AiDeals.Web.Components.Shared;
using AiDeals.Web.Features.Organizations;
using AiDeals.Web.Tests.Support;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace AiDeals.Web.Tests.Components;

/// <summary>Pages hear of saves made anywhere on the server and reload once per burst.</summary>
public sealed class LiveRefreshTests(SeededDatabase database) : MudBunitContext(database), IClassFixture<SeededDatabase>
{
    private static readonly TimeSpan Quick = TimeSpan.FromMilliseconds(50);

    private ChangeNotifier Notifier => Services.GetRequiredService<ChangeNotifier>();

    private static DataChange Change(params string[] types) => new(types.ToHashSet(), DateTime.UtcNow, "ann@aideals.local");

    [Fact]
    public void Publish_BurstOfSaves_ReloadsOnceAfterTheLast()
    {
        var reloads = 0;
        Render<LiveRefresh>(p => p
            .Add(c => c.Debounce, TimeSpan.FromMilliseconds(200))
            .Add(c => c.OnChanged, EventCallback.Factory.Create(this, () => Interlocked.Increment(ref reloads))));

        for (var i = 0; i < 10; i++)
        {
            Notifier.Publish(Change("Deal"));
        }

        WaitFor(() => Volatile.Read(ref reloads) == 1);
        Thread.Sleep(400);
        Assert.Equal(1, Volatile.Read(ref reloads));
    }

    [Fact]
    public void Publish_OtherEntityType_DoesNotReload()
    {
        var reloads = 0;
        Render<LiveRefresh>(p => p
            .Add(c => c.EntityTypes, ["Valuation"])
            .Add(c => c.Debounce, Quick)
            .Add(c => c.OnChanged, EventCallback.Factory.Create(this, () => Interlocked.Increment(ref reloads))));

        Notifier.Publish(Change("Deal", "DealParticipant"));
        Thread.Sleep(300);
        Assert.Equal(0, Volatile.Read(ref reloads));

        Notifier.Publish(Change("Deal", "Valuation"));
        WaitFor(() => Volatile.Read(ref reloads) == 1);
    }

    [Fact]
    public void PublishFromElsewhere_AnotherInstancesSaveOrChangesMissedMeanwhile_ReloadsThePage()
    {
        var reloads = 0;
        Render<LiveRefresh>(p => p
            .Add(c => c.EntityTypes, ["Valuation"])
            .Add(c => c.Debounce, Quick)
            .Add(c => c.OnChanged, EventCallback.Factory.Create(this, () => Interlocked.Increment(ref reloads))));

        // A save on another instance, relayed to this one.
        Notifier.PublishFromElsewhere(Change("Valuation"));
        WaitFor(() => Volatile.Read(ref reloads) == 1);

        // The relay was cut off and may have missed saves of any kind: every page reloads, whatever types it shows.
        Notifier.PublishFromElsewhere(DataChange.Anything(DateTime.UtcNow));
        WaitFor(() => Volatile.Read(ref reloads) == 2);
    }

    [Fact]
    public async Task Publish_AfterThePageClosed_DoesNothing()
    {
        var reloads = 0;
        Render<LiveRefresh>(p => p
            .Add(c => c.Debounce, Quick)
            .Add(c => c.OnChanged, EventCallback.Factory.Create(this, () => Interlocked.Increment(ref reloads))));

        await DisposeComponentsAsync();
        Notifier.Publish(Change("Deal"));

        await Task.Delay(300, Xunit.TestContext.Current.CancellationToken);
        Assert.Equal(0, Volatile.Read(ref reloads));
    }

    [Fact]
    public async Task SaveElsewhere_OrganizationList_ShowsTheNewOrganizationWithoutAReload()
    {
        var cut = RenderPage<OrganizationList>();
        cut.WaitForAssertion(() => Assert.Contains("OpenAI", cut.Markup, StringComparison.Ordinal));
        Assert.DoesNotContain("Anthropic", cut.Markup, StringComparison.Ordinal);

        // Another analyst's save, through the same services (and so the same notifier) as the page.
        var saved = await Services.GetRequiredService<CommandRunner>().RunAsync(Actor.Create("bob@aideals.local", Roles.Analyst), new CreateOrganization(new OrganizationForm { Name = "Anthropic", Country = "US" }), Xunit.TestContext.Current.CancellationToken);

        Assert.True(saved.IsSaved);
        cut.WaitForAssertion(() => Assert.Contains("Anthropic", cut.Markup, StringComparison.Ordinal), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task SaveElsewhere_ShownOrganizationRenamed_ProfileFollowsItsNewAddress()
    {
        var organizations = Services.GetRequiredService<OrganizationQueries>();
        var analyst = Actor.Create("bob@aideals.local", Roles.Analyst);
        var created = await Services.GetRequiredService<CommandRunner>().RunAsync(analyst, new CreateOrganization(new OrganizationForm { Name = "Cohere" }), Xunit.TestContext.Current.CancellationToken);
        var navigation = Services.GetRequiredService<NavigationManager>();
        var cut = RenderPage<AiDeals.Web.Features.Organizations.OrganizationProfile>(p => p.Add(o => o.Slug, "cohere"));
        cut.WaitForAssertion(() => Assert.Equal("Cohere", cut.Find("[data-testid=organization-name]").TextContent.Trim()));

        var form = (await organizations.GetFormAsync(created.Id!.Value, Xunit.TestContext.Current.CancellationToken))!;
        form.Name = "Cohere Inc.";
        Assert.True((await Services.GetRequiredService<CommandRunner>().RunAsync(analyst, new UpdateOrganization(form), Xunit.TestContext.Current.CancellationToken)).IsSaved);

        cut.WaitForAssertion(() => Assert.EndsWith("/organizations/cohere-inc", navigation.Uri, StringComparison.Ordinal), TimeSpan.FromSeconds(5));
    }

    private static void WaitFor(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The page did not reload in time.");
            Thread.Sleep(20);
        }
    }
}
