using AiDeals.Core.Features;
using AiDeals.Core.Features.Accounts;
using AiDeals.Core.Features.Deals;
using AiDeals.Core.Features.SavedViews;
using AiDeals.Web.Features.Deals;
using AiDeals.Web.Tests.Features.Feeds;
using AiDeals.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AiDeals.Web.Tests.Features.SavedViews;

/// <summary>A saved view outlives the app: saved in one host, opened in a new host on the same file, it shows the same rows.</summary>
[Collection(WebHostCollection.Name)]
public sealed class SavedViewRestartTests
{
    private static readonly Actor Analyst = Actor.Create(DemoAccounts.Analyst.UserName, Roles.Analyst);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SavedView_AfterARestartOnTheSameFile_ReopensTheSameRows()
    {
        var database = new TempDatabase();
        try
        {
            const string Address = "http://localhost/deals?investor=softbank&status=InTalks&sort=title&desc=true&page=2";
            List<int> before;
            await using (var first = new SameFileFactory(database))
            {
                var query = DealQuery.FromUri(Address).FirstPage();
                before = await RowsAsync(first, query);
                var saved = await first.Services.GetRequiredService<CommandRunner>().RunAsync(
                    Analyst, new SaveView(new SavedViewForm { Name = "SoftBank in talks", Query = query.ToQueryString() }), Cancel);
                Assert.True(saved.IsSaved);
            }

            await using var second = new SameFileFactory(database);
            var view = Assert.Single(await second.Services.GetRequiredService<SavedViewQueries>().ListAsync(Analyst, Cancel));
            var reopened = DealQuery.FromUri("http://localhost/deals" + view.Query);
            var after = await RowsAsync(second, reopened);
            using var client = second.CreateClient();
            var feed = await FeedEndpointTests.ParseAsync(await client.GetAsync(new Uri("/feeds/deals.atom" + view.Query, UriKind.Relative), Cancel));

            Assert.Equal("SoftBank in talks", view.Name);
            Assert.Equal(3, before.Count);
            Assert.Equal(before, after);
            Assert.Equal(before.Select(id => $"http://localhost/deals/{id}"), feed.Items.Select(i => i.Id));
        }
        finally
        {
            await database.DeleteAsync();
        }
    }

    private static async Task<List<int>> RowsAsync(AiDealsWebFactory factory, DealQuery query)
    {
        var filter = query.ToFilter();
        var page = await factory.Services.GetRequiredService<DealQueries>().SearchAsync(filter, query.ToPageRequest(filter), Cancel);
        return page.Items.Select(d => d.Id).ToList();
    }

    /// <summary>The app on a database the test owns, so that a second host opens what the first one wrote.</summary>
    private sealed class SameFileFactory(TempDatabase database) : AiDealsWebFactory(database);
}
