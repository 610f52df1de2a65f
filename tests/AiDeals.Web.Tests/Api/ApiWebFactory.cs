using System.Net.Http.Headers;
using AiDeals.Core.Features.Accounts;
using AiDeals.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace AiDeals.Web.Tests.Api;

/// <summary>
/// The app with a token per caller of the API tests: the demo viewer's, analyst's and admin's, and a revoked one
/// (the analyst's), made through <see cref="ApiTokenService"/> as the API tokens page makes them.
/// </summary>
public class ApiWebFactory : AiDealsWebFactory
{
    private readonly Dictionary<string, string> _tokens = [];
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Requests a token may make per window; high enough that no test but the rate limit's meets it.</summary>
    protected virtual int PermitLimit => 100_000;

    /// <summary>The callers of the authorization table: anonymous, three roles, a malformed token and a revoked one.</summary>
    public static IReadOnlyList<string> Callers { get; } = ["anonymous", "viewer", "analyst", "admin", "bad", "revoked"];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Api:RateLimit:PermitLimit", PermitLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
    }

    /// <summary>A client that sends the caller's token (none for "anonymous") and follows no redirect.</summary>
    public async Task<HttpClient> ClientForAsync(string caller)
    {
        var client = CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var token = caller switch
        {
            "anonymous" => null,
            "bad" => "aid_" + new string('x', 43),
            _ => await TokenForAsync(caller),
        };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    /// <summary>The caller's token, made once per factory.</summary>
    public async Task<string> TokenForAsync(string caller)
    {
        await _gate.WaitAsync();
        try
        {
            if (!_tokens.TryGetValue(caller, out var token))
            {
                var account = caller switch
                {
                    "viewer" => DemoAccounts.Viewer,
                    "admin" => DemoAccounts.Admin,
                    _ => DemoAccounts.Analyst,
                };
                token = await CreateTokenAsync(account.UserName, caller);
                if (caller == "revoked")
                {
                    var tokens = Services.GetRequiredService<ApiTokenService>();
                    var actor = Actor.Create(account.UserName, account.Role);
                    var id = (await tokens.ListAsync(actor)).Single(t => t.Name == caller).Id;
                    Assert.True(await tokens.RevokeAsync(actor, id));
                }

                _tokens[caller] = token;
            }

            return token;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>A new token of the user's, named <paramref name="name"/>.</summary>
    public async Task<string> CreateTokenAsync(string userName, string name)
    {
        var creation = await Services.GetRequiredService<ApiTokenService>().CreateAsync(Actor.Create(userName), name);
        Assert.Null(creation.Error);
        return creation.Token!;
    }

    public override async ValueTask DisposeAsync()
    {
        _gate.Dispose();
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
