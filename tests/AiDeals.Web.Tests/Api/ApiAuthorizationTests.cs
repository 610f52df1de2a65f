using System.Net;
using System.Text;
using AiDeals.Web.Tests.Support;

namespace AiDeals.Web.Tests.Api;

/// <summary>
/// Every endpoint of the API as every kind of caller: anonymous (with anonymous reading on), a viewer's, an analyst's and
/// an admin's token, a malformed token and a revoked one. Reads answer everyone but a bad or revoked token; the history
/// answers analysts and admins; writes answer analysts and admins only, and here each write is one the rules refuse
/// (so the table changes no data): the status says the request got past authorization to the command.
/// </summary>
[Collection(WebHostCollection.Name)]
public sealed class ApiAuthorizationTests(ApiWebFactory factory)
{
    private const string Read = "read";
    private const string History = "history";

    /// <summary>Method, path, body, and who may: "read", "history", or for a write the status an analyst gets.</summary>
    public static TheoryData<string, string, string?, string> Endpoints { get; } = new()
    {
        { "GET", "/api/v1/deals?investor=softbank&sort=amount", null, Read },
        { "GET", "/api/v1/deals/1", null, Read },
        { "GET", "/api/v1/deals/1/form", null, Read },
        { "POST", "/api/v1/deals", "{}", "400" },
        { "PUT", "/api/v1/deals/1", "{}", "400" },
        { "DELETE", "/api/v1/deals/1", null, "400" },
        { "POST", "/api/v1/deals/999999/restore", null, "404" },
        { "GET", "/api/v1/organizations?q=soft", null, Read },
        { "GET", "/api/v1/organizations/openai", null, Read },
        { "GET", "/api/v1/organizations/1/form", null, Read },
        { "POST", "/api/v1/organizations", "{}", "400" },
        { "PUT", "/api/v1/organizations/1", "{}", "400" },
        { "DELETE", "/api/v1/organizations/1", null, "400" },
        { "POST", "/api/v1/organizations/999999/restore?version=0", null, "404" },
        { "POST", "/api/v1/organizations/1/merge", "{\"mergedId\":999999}", "404" },
        { "GET", "/api/v1/valuations?sort=amount", null, Read },
        { "GET", "/api/v1/valuations/1", null, Read },
        { "POST", "/api/v1/valuations", "{}", "400" },
        { "PUT", "/api/v1/valuations/1", "{}", "400" },
        { "DELETE", "/api/v1/valuations/1", null, "400" },
        { "POST", "/api/v1/valuations/999999/restore?version=0", null, "404" },
        { "GET", "/api/v1/market-events", null, Read },
        { "GET", "/api/v1/market-events/1", null, Read },
        { "POST", "/api/v1/market-events", "{}", "400" },
        { "PUT", "/api/v1/market-events/1", "{}", "400" },
        { "DELETE", "/api/v1/market-events/1", null, "400" },
        { "POST", "/api/v1/market-events/999999/restore?version=0", null, "404" },
        { "GET", "/api/v1/sources?q=reuters", null, Read },
        { "GET", "/api/v1/sources/1", null, Read },
        { "POST", "/api/v1/sources", "{}", "400" },
        { "PUT", "/api/v1/sources/1", "{}", "400" },
        { "DELETE", "/api/v1/sources/1", null, "400" },
        { "POST", "/api/v1/sources/999999/restore?version=0", null, "404" },
        { "GET", "/api/v1/history?type=Deal", null, History },
    };

    public static TheoryData<string, string, string?, string, string> Table { get; } = Cross();

    [Theory]
    [MemberData(nameof(Table))]
    public async Task Call_EachCaller_GetsTheStatusItsRoleAllows(string method, string path, string? body, string access, string caller)
    {
        using var client = await factory.ClientForAsync(caller);
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(Expected(access, caller), (int)response.StatusCode);
        if ((int)response.StatusCode >= 400)
        {
            // Never the login page or the HTML not-found page: a problem document a script can read.
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        }
    }

    [Fact]
    public void Table_CoversEveryApiEndpoint()
    {
        var routes = ApiEndpointList.Routes(factory.Services);
        var covered = Endpoints.Select(row => (Method: row.Data.Item1, Path: row.Data.Item2)).ToList();

        Assert.All(routes, route => Assert.Contains(covered, c => c.Method == route.Method && ApiEndpointList.Matches(route.Pattern, c.Path)));
    }

    private static int Expected(string access, string caller) => (access, caller) switch
    {
        (_, "bad" or "revoked") => 401,
        (Read, _) => 200,
        (History, "anonymous") => 401,
        (History, "viewer") => 403,
        (History, _) => 200,
        (_, "anonymous") => 401,
        (_, "viewer") => 403,
        _ => int.Parse(access, System.Globalization.CultureInfo.InvariantCulture),
    };

    private static TheoryData<string, string, string?, string, string> Cross()
    {
        var table = new TheoryData<string, string, string?, string, string>();
        foreach (var row in Endpoints)
        {
            foreach (var caller in ApiWebFactory.Callers)
            {
                table.Add(row.Data.Item1, row.Data.Item2, row.Data.Item3, row.Data.Item4, caller);
            }
        }

        return table;
    }
}
