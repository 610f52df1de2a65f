using AiDeals.Core.Features.Accounts;
using AiDeals.Web.Tests.Support;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AiDeals.Web.Tests.Features.Accounts;

/// <summary>The app started in the Production environment.</summary>
public sealed class ProductionWebFactory : AiDealsWebFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
    }
}

/// <summary>Outside Development: no demo account, no default password, and a cookie that only travels over HTTPS.</summary>
[Collection(WebHostCollection.Name)]
public sealed class ProductionAccountsTests(ProductionWebFactory factory) : IClassFixture<ProductionWebFactory>
{
    [Fact]
    public void AuthCookie_OutsideDevelopment_IsSecureHttpOnlyLaxAndSliding()
    {
        _ = factory.Server;

        var options = factory.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);

        Assert.Equal(CookieSecurePolicy.Always, options.Cookie.SecurePolicy);
        Assert.True(options.Cookie.HttpOnly);
        Assert.Equal(SameSiteMode.Lax, options.Cookie.SameSite);
        Assert.True(options.SlidingExpiration);
        Assert.Equal("/account/login", options.LoginPath);
    }

    [Fact]
    public async Task Startup_OutsideDevelopment_SeedsTheRolesButNoDemoAccount()
    {
        _ = factory.Server;
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();

        foreach (var demo in DemoAccounts.All)
        {
            Assert.Null(await users.FindByNameAsync(demo.UserName));
        }

        foreach (var role in Roles.All)
        {
            Assert.True(await roles.RoleExistsAsync(role), $"The role {role} was not seeded.");
        }
    }
}
