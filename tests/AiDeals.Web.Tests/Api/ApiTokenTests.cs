using System.Net;
using AiDeals.Core.Data;
using AiDeals.Core.Features.Accounts;
using AiDeals.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AiDeals.Web.Tests.Api;

/// <summary>Personal API tokens: stored as hashes, audited when made and revoked, and worth nothing once revoked or locked out.</summary>
[Collection(WebHostCollection.Name)]
public sealed class ApiTokenTests(ApiWebFactory factory)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private ApiTokenService Tokens => factory.Services.GetRequiredService<ApiTokenService>();

    [Fact]
    public async Task CreateAndRevoke_OwnToken_StoresOnlyItsHashAndAuditsBothAsTheOwner()
    {
        var actor = Actor.Create(DemoAccounts.Viewer.UserName, Roles.Viewer);

        var creation = await Tokens.CreateAsync(actor, "  notebook  ", Cancel);
        var listed = await Tokens.ListAsync(actor, Cancel);
        var revoked = await Tokens.RevokeAsync(actor, creation.Summary!.Id, Cancel);

        Assert.StartsWith(ApiTokenService.TokenPrefix, creation.Token, StringComparison.Ordinal);
        Assert.True(creation.Token!.Length >= 40);
        Assert.Contains(listed, t => t.Name == "notebook" && creation.Token.StartsWith(t.Prefix, StringComparison.Ordinal));
        Assert.True(revoked);
        Assert.DoesNotContain(await Tokens.ListAsync(actor, Cancel), t => t.Name == "notebook");
        Assert.Null(await Tokens.FindAsync(creation.Token, Cancel));

        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<AiDealsDbContext>>().CreateDbContextAsync(Cancel);
        var row = await db.ApiTokens.SingleAsync(t => t.Id == creation.Summary.Id, Cancel);
        Assert.Equal(ApiTokenService.Hash(creation.Token), row.TokenHash);
        Assert.DoesNotContain(await db.ApiTokens.Select(t => t.TokenHash + t.Prefix + t.Name).ToListAsync(Cancel), text => text.Contains(creation.Token, StringComparison.Ordinal));
        var entries = await db.AuditEntries.Where(a => a.EntityType == AccountService.AuditEntityType && a.Changes.Contains("notebook")).OrderBy(a => a.Id).ToListAsync(Cancel);
        Assert.Equal(["API token created", "API token revoked"], entries.Select(e => e.Reason));
        Assert.All(entries, e => Assert.Equal(DemoAccounts.Viewer.UserName, e.User));
        Assert.All(entries, e => Assert.DoesNotContain(creation.Token, e.Changes, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("", "Give the token a name.")]
    [InlineData("viewer", "You already have a token named \"viewer\".")]
    public async Task Create_NoNameOrATakenOne_IsRefusedWithItsReason(string name, string error)
    {
        await factory.TokenForAsync("viewer");

        var creation = await Tokens.CreateAsync(Actor.Create(DemoAccounts.Viewer.UserName), name, Cancel);

        Assert.Equal(error, creation.Error);
        Assert.Null(creation.Token);
    }

    [Fact]
    public async Task Revoke_SomeoneElsesToken_ChangesNothing()
    {
        await factory.TokenForAsync("admin");
        var admin = Actor.Create(DemoAccounts.Admin.UserName, Roles.Admin);
        var id = (await Tokens.ListAsync(admin, Cancel)).Single(t => t.Name == "admin").Id;

        Assert.False(await Tokens.RevokeAsync(Actor.Create(DemoAccounts.Viewer.UserName), id, Cancel));
        Assert.Contains(await Tokens.ListAsync(admin, Cancel), t => t.Id == id);
    }

    [Fact]
    public async Task Call_TokenOfALockedOutUser_Answers401UntilUnlocked()
    {
        var users = factory.Services.GetRequiredService<IServiceScopeFactory>();
        var email = $"locked-{Guid.NewGuid():N}@aideals.local";
        var admin = Actor.Create(DemoAccounts.Admin.UserName, Roles.Admin);
        Assert.True((await factory.Services.GetRequiredService<AccountService>().CreateUserAsync(admin, new NewUser(email, null, Roles.Analyst, "LockedUser2025x"), Cancel)).Succeeded);
        var token = await factory.CreateTokenAsync(email, "script");
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/history", Cancel)).StatusCode);

        await using (var scope = users.CreateAsyncScope())
        {
            var manager = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            Assert.True((await manager.SetLockoutEndDateAsync((await manager.FindByNameAsync(email))!, DateTimeOffset.UtcNow.AddYears(100))).Succeeded);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/history", Cancel)).StatusCode);
    }
    [Fact]
    public async Task Call_TokenOfADemotedUser_AnswersWithTheNewRoleAtTheNextRequest()
    {
        var (client, userId, _) = await AnalystClientAsync("demoted");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/history", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/history", Cancel)).StatusCode);

        var admin = Actor.Create(DemoAccounts.Admin.UserName, Roles.Admin);
        Assert.True((await factory.Services.GetRequiredService<AccountService>().ChangeRoleAsync(admin, userId, Roles.Viewer, Cancel)).Succeeded);

        // The history is the analysts': the claims the token's earlier requests were given are not used again.
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/history", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/deals?size=1", Cancel)).StatusCode);
    }

    [Fact]
    public async Task Call_TokenRevokedAfterUse_Answers401AtTheNextRequest()
    {
        var (client, _, email) = await AnalystClientAsync("revoked-after-use");
        var owner = Actor.Create(email, Roles.Analyst);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/history", Cancel)).StatusCode);

        Assert.True(await Tokens.RevokeAsync(owner, (await Tokens.ListAsync(owner, Cancel)).Single().Id, Cancel));

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/history", Cancel)).StatusCode);
    }

    // A new analyst with one token, and a client that sends it.
    private async Task<(HttpClient Client, string UserId, string Email)> AnalystClientAsync(string name)
    {
        var email = $"{name}-{Guid.NewGuid():N}@aideals.local";
        var admin = Actor.Create(DemoAccounts.Admin.UserName, Roles.Admin);
        Assert.True((await factory.Services.GetRequiredService<AccountService>().CreateUserAsync(admin, new NewUser(email, null, Roles.Analyst, "AnalystUser2025x"), Cancel)).Succeeded);
        var token = await factory.CreateTokenAsync(email, "script");
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        await using var scope = factory.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByNameAsync(email);
        return (client, user!.Id, email);
    }
}
