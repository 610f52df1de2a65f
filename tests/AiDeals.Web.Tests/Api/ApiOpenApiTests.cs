using System.Net;
using System.Text.Json;
using AiDeals.Core.Domain;
using AiDeals.Web.Tests.Support;

namespace AiDeals.Web.Tests.Api;

/// <summary>The OpenAPI document: it parses, names every endpoint the app maps, and says what reflection alone would not.</summary>
[Collection(WebHostCollection.Name)]
public sealed class ApiOpenApiTests(ApiWebFactory factory)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Document_Parses_AndNamesEveryEndpointWithAnOperationId()
    {
        using var document = await ReadAsync();
        var paths = document.RootElement.GetProperty("paths");

        var routes = ApiEndpointList.Routes(factory.Services);
        Assert.True(routes.Count >= 30, $"Only {routes.Count} API endpoints mapped.");
        foreach (var (method, pattern) in routes)
        {
            var path = System.Text.RegularExpressions.Regex.Replace(pattern, @"\{([^:}]+)(:[^}]*)?\}", "{$1}");
            Assert.True(paths.TryGetProperty(path, out var item), $"{path} is not in the document.");
            Assert.True(item.TryGetProperty(method.ToLowerInvariant(), out var operation), $"{method} {path} is not in the document.");
            Assert.False(string.IsNullOrEmpty(operation.GetProperty("operationId").GetString()));
            Assert.False(string.IsNullOrEmpty(operation.GetProperty("summary").GetString()));
        }

        Assert.Equal(routes.Count, paths.EnumerateObject().Sum(p => p.Value.EnumerateObject().Count()));
    }

    [Fact]
    public async Task Reference_AnswersOnlyApiAndItsScripts_AnyOtherApiWordIs404Problem()
    {
        using var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var page = await client.GetAsync("/api/", Cancel);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/scalar.js", Cancel)).StatusCode);
        foreach (var address in new[] { "/api/v1", "/api/anything", "/api/openapi", "/api/v2/deals" })
        {
            var response = await client.GetAsync(address, Cancel);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{address}: {(int)response.StatusCode}");
            Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", $"{address}: {response.Content.Headers.ContentType}");
        }
    }

    [Fact]
    public async Task Document_Schemas_HaveEnumsAsStringsAmountBoundsAndTheBearerScheme()
    {
        using var document = await ReadAsync();
        var root = document.RootElement;
        var schemas = root.GetProperty("components").GetProperty("schemas");

        Assert.Equal(Enum.GetNames<DealStatus>(), schemas.GetProperty("DealStatus").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("string", schemas.GetProperty("AmountQualifier").GetProperty("type").GetString());
        foreach (var (schema, property) in new[] { ("DealForm", "amountLow"), ("DealForm", "amountHigh"), ("ParticipantForm", "commitmentHigh"), ("AmountRange", "low") })
        {
            var amount = schemas.GetProperty(schema).GetProperty("properties").GetProperty(property);
            Assert.Equal(0, amount.GetProperty("minimum").GetInt64());
            Assert.Equal(AmountRange.MaxFigure, amount.GetProperty("maximum").GetInt64());
            Assert.DoesNotContain("string", amount.GetProperty("type").ToString(), StringComparison.Ordinal);
        }

        Assert.Contains("quarter", schemas.GetProperty("PartialDate").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Contains("2024-Q4", schemas.GetProperty("ValuationForm").GetProperty("properties").GetProperty("asOf").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal("bearer", root.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer").GetProperty("scheme").GetString());
    }

    private async Task<JsonDocument> ReadAsync()
    {
        using var client = factory.CreateClient();
        var response = await client.GetAsync("/openapi/v1.json", Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
    }
}
