using AiDeals.Core.Domain;
using AiDeals.Core.Features.Accounts;
using AiDeals.Core.Features.History;
using AiDeals.Core.Features.Organizations;
using AiDeals.Core.Tests.Support;

namespace AiDeals.Core.Tests;

/// <summary>An organization's history: its own changes and those of its aliases, removed ones included.</summary>
public class OrganizationHistoryTests
{
    private static readonly Actor Analyst = Actor.Create("ann@aideals.local", Roles.Analyst);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ListForOrganizationAsync_AliasAddedThenRemoved_ListsBothWithTheOrganizationsOwnChanges()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var organizations = new OrganizationQueries(database.Contexts);
        var created = await database.Commands.RunAsync(Analyst, new CreateOrganization(new OrganizationForm
        {
            Name = "Mistral AI",
            Aliases = ["Mistral"],
            Type = OrganizationType.Company,
        }), Token);
        Assert.True(created.IsSaved);
        var form = (await organizations.GetFormAsync(created.Id!.Value, Token))!;
        form.Aliases = [];
        Assert.True((await database.Commands.RunAsync(Analyst, new UpdateOrganization(form), Token)).IsSaved);

        var changes = await new HistoryQueries(database.Contexts).ListForOrganizationAsync(created.Id.Value, Token);

        Assert.Contains(changes, c => c.EntityType == nameof(Organization) && c.Action == AuditAction.Created);
        Assert.Contains(changes, c => c.EntityType == nameof(OrganizationAlias) && c.Action == AuditAction.Created);
        Assert.Contains(changes, c => c.EntityType == nameof(OrganizationAlias) && c.Action == AuditAction.Deleted);
        Assert.All(changes, c => Assert.Contains(c.EntityType, new[] { nameof(Organization), nameof(OrganizationAlias) }));
    }
}
