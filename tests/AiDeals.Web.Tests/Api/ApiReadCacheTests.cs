using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AiDeals.Core.Data;
using AiDeals.Core.Features;
using AiDeals.Core.Features.Accounts;
using AiDeals.Core.Features.Deals;
using AiDeals.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AiDeals.Web.Tests.Api;

/// <summary>
/// A list asked again while nothing was written is answered from memory (with an <c>Age</c> header), and the first call
/// after any write, made here or by another instance or the command line on the same database, reads afresh.
/// </summary>
[Collection(WebHostCollection.Name)]
public sealed class ApiReadCacheTests(ApiWebFactory factory)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task List_AskedAgain_IsAnsweredFromMemory_UntilAWriteThroughTheApi()
    {
        using var client = await factory.ClientForAsync("analyst");
        var word = "cachedlist" + Guid.NewGuid().ToString("N")[..8];
        var address = "/api/v1/deals?q=" + word;

        var first = await client.GetAsync(address, Cancel);
        var again = await client.GetAsync(address, Cancel);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Null(first.Headers.Age);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.NotNull(again.Headers.Age);
        Assert.Equal(await first.Content.ReadAsStringAsync(Cancel), await again.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(0, await TotalAsync(again));

        var created = await client.PostAsJsonAsync("/api/v1/deals", new { title = "Deal of " + word, kind = "EquityInvestment", status = "InTalks" }, Cancel);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var after = await client.GetAsync(address, Cancel);
        Assert.Null(after.Headers.Age);
        Assert.Equal(1, await TotalAsync(after));
    }

    [Fact]
    public async Task List_WrittenByAnotherInstanceOnTheSameDatabase_IsReadAfreshAtOnce()
    {
        using var client = await factory.ClientForAsync("viewer");
        var word = "elsewhere" + Guid.NewGuid().ToString("N")[..8];
        var address = "/api/v1/deals?size=5&q=" + word;
        Assert.Equal(0, await TotalAsync(await client.GetAsync(address, Cancel)));
        Assert.NotNull((await client.GetAsync(address, Cancel)).Headers.Age);

        // Another process's services on the same file or database: this app hears nothing of its save.
        await using (var elsewhere = new ServiceCollection().AddLogging().AddAiDealsCore(factory.Database.Settings).BuildServiceProvider())
        {
            var saved = await elsewhere.GetRequiredService<CommandRunner>().RunAsync(
                Actor.Create(DemoAccounts.Analyst.UserName, Roles.Analyst), new CreateDeal(new DealForm { Title = "Deal of " + word }), Cancel);
            Assert.True(saved.IsSaved);
        }

        var after = await client.GetAsync(address, Cancel);
        Assert.Null(after.Headers.Age);
        Assert.Equal(1, await TotalAsync(after));
    }

    [Theory]
    [InlineData("bad")]
    [InlineData("revoked")]
    public async Task List_InMemory_IsStillRefusedToAWrongToken(string caller)
    {
        const string Address = "/api/v1/organizations?size=3";
        using var viewer = await factory.ClientForAsync("viewer");
        await viewer.GetAsync(Address, Cancel);
        Assert.NotNull((await viewer.GetAsync(Address, Cancel)).Headers.Age);

        using var wrong = await factory.ClientForAsync(caller);
        var refused = await wrong.GetAsync(Address, Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Null(refused.Headers.Age);
    }

    private static async Task<int> TotalAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("totalCount").GetInt32();
}
