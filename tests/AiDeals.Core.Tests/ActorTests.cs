using System.Security.Claims;
using AiDeals.Core.Features.Accounts;

namespace AiDeals.Core.Tests;

public class ActorTests
{
    [Fact]
    public void FromPrincipal_SignedInAnalyst_HasNameAndRoleAndCanEditButIsNoAdmin()
    {
        var actor = Actor.FromPrincipal(SignedIn("ann@example.com", ClaimTypes.Role, Roles.Analyst));

        Assert.Equal("ann@example.com", actor.UserName);
        Assert.True(actor.IsAuthenticated);
        Assert.True(actor.CanEdit);
        Assert.False(actor.IsAdmin);
        Assert.Equal([Roles.Analyst], actor.Roles);
    }

    [Fact]
    public void FromPrincipal_SignedInViewer_CannotEdit()
    {
        var actor = Actor.FromPrincipal(SignedIn("vic@example.com", ClaimTypes.Role, Roles.Viewer));

        Assert.True(actor.IsAuthenticated);
        Assert.False(actor.CanEdit);
        Assert.False(actor.IsAdmin);
    }

    [Fact]
    public void FromPrincipal_SignedInAdmin_CanEditAndIsAdmin()
    {
        var actor = Actor.FromPrincipal(SignedIn("ada@example.com", ClaimTypes.Role, Roles.Admin));

        Assert.True(actor.CanEdit);
        Assert.True(actor.IsAdmin);
    }

    [Fact]
    public void FromPrincipal_IdentityWithItsOwnRoleClaimType_ReadsTheRolesFromIt()
    {
        var actor = Actor.FromPrincipal(SignedIn("ada@example.com", "role", "admin"));

        Assert.True(actor.IsAdmin);
    }

    [Fact]
    public void FromPrincipal_NotAuthenticated_IsAnonymousEvenWithRoleClaims()
    {
        // No authentication type: the identity is not authenticated, whatever claims it carries.
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "mallory"), new Claim(ClaimTypes.Role, Roles.Admin)]));

        var actor = Actor.FromPrincipal(principal);

        Assert.Same(Actor.Anonymous, actor);
        Assert.False(actor.IsAuthenticated);
        Assert.False(actor.CanEdit);
        Assert.False(actor.IsAdmin);
    }

    [Fact]
    public void FromPrincipal_Null_IsAnonymous()
    {
        Assert.Same(Actor.Anonymous, Actor.FromPrincipal(null));
    }

    [Fact]
    public void Anonymous_Always_CanNeitherEditNorAdminister()
    {
        Assert.False(Actor.Anonymous.IsAuthenticated);
        Assert.False(Actor.Anonymous.CanEdit);
        Assert.False(Actor.Anonymous.IsAdmin);
        Assert.Empty(Actor.Anonymous.Roles);
    }

    private static ClaimsPrincipal SignedIn(string name, string roleClaimType, string role) =>
        new(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, name), new Claim(roleClaimType, role)],
            authenticationType: "Identity.Application",
            nameType: ClaimTypes.Name,
            roleType: roleClaimType));
}
