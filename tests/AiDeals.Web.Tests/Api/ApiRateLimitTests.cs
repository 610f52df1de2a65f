using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AiDeals.Web.Tests.Support;

namespace AiDeals.Web.Tests.Api;

/// <summary>The app as it runs outside Development (anonymous reading off), with a limit of five API calls a minute.</summary>
public sealed class ApiLimitsWebFactory : ApiWebFactory
{
    public const int Limit = 5;

    protected override bool AllowAnonymousRead => false;

    protected override int PermitLimit => Limit;
}

/// <summary>The rate limit counts each token's calls (and each anonymous address's) on the API only; closed reads need a login.</summary>
[Collection(WebHostCollection.Name)]
public sealed class ApiRateLimitTests(ApiLimitsWebFactory factory) : IClassFixture<ApiLimitsWebFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Get_OverTheLimit_Answers429WithRetryAfterPerTokenAndLeavesPagesAlone()
    {
        using var viewer = await factory.ClientForAsync("viewer");
        using var analyst = await factory.ClientForAsync("analyst");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= ApiLimitsWebFactory.Limit; i++)
        {
            statuses.Add((await viewer.GetAsync("/api/v1/sources", Cancel)).StatusCode);
        }

        var refused = await viewer.GetAsync("/api/v1/deals/1", Cancel);

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.OK, ApiLimitsWebFactory.Limit).Append(HttpStatusCode.TooManyRequests), statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(429, (await refused.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("status").GetInt32());
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, 60);

        // Another token has its own count, and the pages (and the Blazor circuit) are not counted at all.
        Assert.Equal(HttpStatusCode.OK, (await analyst.GetAsync("/api/v1/sources", Cancel)).StatusCode);
        for (var i = 0; i <= ApiLimitsWebFactory.Limit; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/account/login", Cancel)).StatusCode);
        }
    }

    [Fact]
    public async Task Get_AnonymousWithReadingClosed_Answers401ProblemNotTheLoginPage()
    {
        using var anonymous = await factory.ClientForAsync("anonymous");

        var response = await anonymous.GetAsync("/api/v1/deals", Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);

        // The document describes the API and holds no data: it stays readable.
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/openapi/v1.json", Cancel)).StatusCode);
    }
}
