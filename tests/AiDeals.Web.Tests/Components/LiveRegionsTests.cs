using AiDeals.Core.Data;
using AiDeals.Web.Components.Layout;
using AiDeals.Web.Components.Shared;
using AiDeals.Web.Tests.Support;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace AiDeals.Web.Tests.Components;

/// <summary>What a screen reader is told without the focus moving: saves, conflicts, refreshes by others' saves.</summary>
public sealed class LiveRegionsTests(SeededDatabase database) : MudBunitContext(database), IClassFixture<SeededDatabase>
{
    private LiveAnnouncer Announcer => Services.GetRequiredService<LiveAnnouncer>();

    private static string Polite(IRenderedComponent<LiveRegions> regions) =>
        regions.Find("[data-testid=live-polite]").TextContent.Trim();

    private static string Urgent(IRenderedComponent<LiveRegions> regions) =>
        regions.Find("[data-testid=live-urgent]").TextContent.Trim();

    [Fact]
    public void Regions_ArePresentAndEmptyBeforeAnything()
    {
        var regions = Render<LiveRegions>();

        Assert.Equal("status", regions.Find("[data-testid=live-polite]").GetAttribute("role"));
        Assert.Equal("polite", regions.Find("[data-testid=live-polite]").GetAttribute("aria-live"));
        Assert.Equal("alert", regions.Find("[data-testid=live-urgent]").GetAttribute("role"));
        Assert.Equal("assertive", regions.Find("[data-testid=live-urgent]").GetAttribute("aria-live"));
        Assert.Equal(string.Empty, Polite(regions));
        Assert.Equal(string.Empty, Urgent(regions));
    }

    [Fact]
    public void Snackbar_SuccessIsPolite_WarningIsUrgent()
    {
        var regions = Render<LiveRegions>();
        var snackbars = Services.GetRequiredService<ISnackbar>();

        snackbars.Add("Deal saved.", Severity.Success);
        regions.WaitForAssertion(() => Assert.Equal("Deal saved.", Polite(regions)));
        Assert.Equal(string.Empty, Urgent(regions));

        snackbars.Add("Not saved: fix the fields marked in red.", Severity.Warning);
        regions.WaitForAssertion(() => Assert.Equal("Not saved: fix the fields marked in red.", Urgent(regions)));
        Assert.Equal("Deal saved.", Polite(regions));
    }

    [Fact]
    public void SameMessageTwice_ChangesTheRegionSoItIsReadAgain()
    {
        var regions = Render<LiveRegions>();

        Announcer.Urgent("Not saved: Ann saved this deal while you were editing.");
        regions.WaitForAssertion(() => Assert.Equal("Not saved: Ann saved this deal while you were editing.", Urgent(regions)));
        var first = regions.Find("[data-testid=live-urgent]").TextContent;

        Announcer.Urgent("Not saved: Ann saved this deal while you were editing.");
        regions.WaitForAssertion(() => Assert.NotEqual(first, regions.Find("[data-testid=live-urgent]").TextContent));
    }

    [Fact]
    public void LiveRefresh_OthersSave_IsAnnouncedByName_OwnSaveIsNot()
    {
        Authorization.SetAuthorized("bob@aideals.local");
        var regions = Render<LiveRegions>();
        var reloads = 0;
        Render<LiveRefresh>(p => p
            .Add(c => c.Debounce, TimeSpan.FromMilliseconds(50))
            .Add(c => c.OnChanged, EventCallback.Factory.Create(this, () => Interlocked.Increment(ref reloads))));
        var notifier = Services.GetRequiredService<ChangeNotifier>();

        notifier.Publish(new DataChange(new HashSet<string> { "Deal" }, DateTime.UtcNow, "bob@aideals.local"));
        Assert.True(SpinWait.SpinUntil(() => Volatile.Read(ref reloads) == 1, TimeSpan.FromSeconds(10)), "the page did not reload");
        Thread.Sleep(200);
        Assert.Equal(string.Empty, Polite(regions));

        notifier.Publish(new DataChange(new HashSet<string> { "Deal" }, DateTime.UtcNow, "ann@aideals.local"));
        regions.WaitForAssertion(() => Assert.Equal("Updated: this page now shows a change saved by ann@aideals.local.", Polite(regions)));
        Assert.Equal(2, Volatile.Read(ref reloads));
    }

    [Fact]
    public void LiveRefresh_ChangesMissedWhileCutOffFromTheOtherInstances_ReloadsWithoutNamingAnyone()
    {
        Authorization.SetAuthorized("bob@aideals.local");
        var regions = Render<LiveRegions>();
        var reloads = 0;
        Render<LiveRefresh>(p => p
            .Add(c => c.Debounce, TimeSpan.FromMilliseconds(50))
            .Add(c => c.OnChanged, EventCallback.Factory.Create(this, () => Interlocked.Increment(ref reloads))));

        Services.GetRequiredService<ChangeNotifier>().PublishFromElsewhere(DataChange.Anything(DateTime.UtcNow));

        Assert.True(SpinWait.SpinUntil(() => Volatile.Read(ref reloads) == 1, TimeSpan.FromSeconds(10)), "the page did not reload");
        Thread.Sleep(200);
        Assert.Equal(string.Empty, Polite(regions));
    }
}
