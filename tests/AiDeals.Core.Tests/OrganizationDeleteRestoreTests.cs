using System.Globalization;
using AiDeals.Core.Domain;
using AiDeals.Core.Features;
using AiDeals.Core.Features.Accounts;
using AiDeals.Core.Features.Organizations;
using AiDeals.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AiDeals.Core.Tests;

/// <summary>Deleting and restoring organizations: what refuses a delete, what a restore needs, names taken meanwhile.</summary>
public class OrganizationDeleteRestoreTests
{
    private static readonly Actor Analyst = Actor.Create("ann@aideals.local", Roles.Analyst);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static OrganizationQueries Organizations(TestDatabase database) => new(database.Contexts);

    [Fact]
    public async Task Delete_OrganizationInDeals_IsRefusedWithWhatRefersToIt()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var service = Organizations(database);
        var form = (await service.GetFormAsync("wework", Token))!;

        var result = await database.Commands.RunAsync(Analyst, new DeleteOrganization(form.Id, form.Version), Token);

        Assert.Equal(CommandOutcome.Invalid, result.Outcome);
        Assert.StartsWith("WeWork still has 1 deal as target.", result.Errors[string.Empty].Single(), StringComparison.Ordinal);
        Assert.NotNull(await service.GetFormAsync("wework", Token));
    }

    [Fact]
    public async Task DeleteThenRestore_UnusedOrganization_HidesItThenBringsItBackWithItsAliases()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var service = Organizations(database);
        var created = await database.Commands.RunAsync(Analyst, new CreateOrganization(OrganizationCommandTests.NewForm("Mistral AI", "Mistral")), Token);

        var deleted = await database.Commands.RunAsync(Analyst, new DeleteOrganization(created.Id!.Value, created.Version!.Value), Token);

        Assert.True(deleted.IsSaved);
        Assert.Null(await service.GetFormAsync("mistral-ai", Token));
        Assert.DoesNotContain(await database.Lookups.SearchAsync("Mistral", cancellationToken: Token), c => c.Id == created.Id);

        var restored = await database.Commands.RunAsync(Analyst, new RestoreOrganization(created.Id.Value, deleted.Version!.Value), Token);

        Assert.True(restored.IsSaved);
        Assert.Equal(["Mistral"], (await service.GetFormAsync("mistral-ai", Token))!.Aliases);
        await using var db = await database.CreateContextAsync();
        var actions = await db.AuditEntries.Where(a => a.EntityType == nameof(Organization) && a.EntityId == Id(created))
            .OrderBy(a => a.Id).Select(a => a.Action).ToListAsync(Token);
        Assert.Equal([AuditAction.Created, AuditAction.Deleted, AuditAction.Restored], actions);
    }

    [Fact]
    public async Task Create_NameOfADeletedOrganization_SaysToRestoreIt()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var service = Organizations(database);
        var created = await database.Commands.RunAsync(Analyst, new CreateOrganization(OrganizationCommandTests.NewForm("Mistral AI")), Token);
        await database.Commands.RunAsync(Analyst, new DeleteOrganization(created.Id!.Value, created.Version!.Value), Token);

        var again = await database.Commands.RunAsync(Analyst, new CreateOrganization(OrganizationCommandTests.NewForm("MISTRAL AI")), Token);

        Assert.Equal(
            ["“MISTRAL AI” is the name of the deleted organization Mistral AI: restore it from its history instead."],
            again.Errors[nameof(OrganizationForm.Name)]);
    }

    [Fact]
    public async Task Update_AliasOfADeletedOrganization_IsInvalidNamingIt()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var service = Organizations(database);
        var created = await database.Commands.RunAsync(Analyst, new CreateOrganization(OrganizationCommandTests.NewForm("Mistral AI", "Mistral")), Token);
        await database.Commands.RunAsync(Analyst, new DeleteOrganization(created.Id!.Value, created.Version!.Value), Token);
        var form = (await service.GetFormAsync("deepseek", Token))!;
        form.Aliases.Add("mistral");

        var result = await database.Commands.RunAsync(Analyst, new UpdateOrganization(form), Token);

        Assert.Equal(["The alias “mistral” belongs to the deleted organization Mistral AI."], result.Errors[nameof(OrganizationForm.Aliases)]);
    }

    [Fact]
    public async Task Restore_NameTakenMeanwhile_IsRefusedNamingTheOtherOrganization()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var service = Organizations(database);
        var created = await database.Commands.RunAsync(Analyst, new CreateOrganization(OrganizationCommandTests.NewForm("Mistral AI")), Token);
        var deleted = await database.Commands.RunAsync(Analyst, new DeleteOrganization(created.Id!.Value, created.Version!.Value), Token);

        // A deleted organization's name may become another's alias (that is what a merge does).
        var form = (await service.GetFormAsync("deepseek", Token))!;
        form.Aliases.Add("Mistral AI");
        Assert.True((await database.Commands.RunAsync(Analyst, new UpdateOrganization(form), Token)).IsSaved);

        var restored = await database.Commands.RunAsync(Analyst, new RestoreOrganization(created.Id.Value, deleted.Version!.Value), Token);

        Assert.Equal(CommandOutcome.Invalid, restored.Outcome);
        Assert.Equal("Mistral AI cannot be restored: “Mistral AI” is already an alias of DeepSeek.", restored.Errors[string.Empty].Single());
        Assert.Null(await service.GetFormAsync("mistral-ai", Token));
    }

    private static string Id(CommandResult result) => result.Id!.Value.ToString(CultureInfo.InvariantCulture);
}
