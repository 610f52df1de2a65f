using System.Diagnostics;
using AiDeals.Core.Features.Dashboard;
using AiDeals.Core.Features.Deals;
using AiDeals.Core.Features.Organizations;
using Microsoft.Extensions.DependencyInjection;

namespace AiDeals.Benchmarks;

/// <summary>The dashboard, the busiest investor's profile and the deal with the most participants, each as a page load.</summary>
internal static class PageCases
{
    /// <summary>How many changes the dashboard's feed shows (Home.razor).</summary>
    private const int FeedLength = 8;

    public static IEnumerable<BenchCase> All(BenchContext context)
    {
        var facts = context.Facts;
        var services = context.Services;

        var dashboard = services.GetRequiredService<DashboardQueries>();
        var changes = services.GetRequiredService<RecentChangesQueries>();
        yield return new BenchCase(
            "dashboard /",
            RawPages.Dashboard(context.Raw),
            Way.Of(async _ =>
            {
                var clock = Stopwatch.StartNew();
                var summary = await dashboard.GetSummaryAsync();
                await changes.ListAsync(FeedLength);
                return new Sample(clock.Elapsed.TotalMilliseconds, summary.DealCount);
            }),
            context.InBrowser((browser, expected) => browser.PageLoadAsync(string.Empty, "dashboard", expected)),
            "e2e (load → tiles)");

        var profiles = services.GetRequiredService<OrganizationProfileQueries>();
        yield return new BenchCase(
            $"profile /organizations/{facts.BusyInvestor} ({facts.BusyInvestorDeals:N0} deals)",
            RawPages.Profile(context.Raw, facts.BusyInvestor),
            Way.Of(async _ =>
            {
                var clock = Stopwatch.StartNew();
                var profile = await profiles.GetProfileAsync(facts.BusyInvestor);
                return new Sample(clock.Elapsed.TotalMilliseconds, profile?.Commitments.Count ?? 0) { FirstTitle = profile?.Name };
            }),
            context.InBrowser((browser, expected) => browser.PageLoadAsync("organizations/" + facts.BusyInvestor, "profile", expected)),
            "e2e (load → deals)");

        var details = services.GetRequiredService<DealDetailQueries>();
        yield return new BenchCase(
            $"deal detail /deals/{facts.DetailDealId}",
            RawPages.Detail(context.Raw, facts.DetailDealId),
            Way.Of(async _ =>
            {
                var clock = Stopwatch.StartNew();
                var detail = await details.GetDetailAsync(facts.DetailDealId);
                return new Sample(clock.Elapsed.TotalMilliseconds, detail?.Participants.Count ?? 0) { FirstTitle = detail?.Title };
            }),
            context.InBrowser((browser, expected) => browser.PageLoadAsync("deals/" + facts.DetailDealId, "heading", expected)),
            "e2e (load → heading)");
    }
}
