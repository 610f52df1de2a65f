using System.Net;
using AiDeals.Web.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace AiDeals.Web.Tests.Http;

/// <summary>Production, with one extra address that fails as an unexpected bug would.</summary>
public sealed class FailingProductionWebFactory : AiDealsWebFactory
{
    public const string FailingPath = "/test-failure";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, FailingEndpoint>());
    }

    // Added at the end of the app's pipeline, inside its exception handler, where an address no endpoint took arrives.
    private sealed class FailingEndpoint : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Run(context => context.Request.Path == FailingPath
                ? throw new InvalidOperationException("A failure for the error page test.")
                : Task.CompletedTask);
        };
    }
}

/// <summary>The error page: what a failure shows, and what its own address answers.</summary>
[Collection(WebHostCollection.Name)]
public sealed class ErrorPageTests(FailingProductionWebFactory factory) : IClassFixture<FailingProductionWebFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Get_AddressThatFails_Answers500WithTheErrorPage()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri(FailingProductionWebFactory.FailingPath, UriKind.Relative), Cancel);
        var html = await response.Content.ReadAsStringAsync(Cancel);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("Something went wrong", html, StringComparison.Ordinal);
        Assert.Contains("Request ID:", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/Error")]
    [InlineData("/error")]
    public async Task Get_ErrorPageByItsAddress_IsNotFound(string path)
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri(path, UriKind.Relative), Cancel);
        var html = await response.Content.ReadAsStringAsync(Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Something went wrong", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_NotFoundPageByItsAddress_Answers404()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri("/not-found", UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }
}
