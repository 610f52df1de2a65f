using System.Data.Common;
using System.Globalization;
using AiDeals.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AiDeals.Core.Features.Accounts;

/// <summary>How the first accounts come to be, from the environment and configuration.</summary>
/// <param name="CreateDemoAccounts">Development only: the viewer, analyst and admin of <see cref="DemoAccounts"/>.</param>
/// <param name="BootstrapAdminEmail"><c>Auth:BootstrapAdmin:Email</c>: the first admin, created when no account has that email.</param>
/// <param name="BootstrapAdminPassword"><c>Auth:BootstrapAdmin:Password</c>: that admin's first password, checked by the password policy.</param>
public sealed record AccountSeedOptions(bool CreateDemoAccounts, string? BootstrapAdminEmail, string? BootstrapAdminPassword);

/// <summary>
/// Seeds the roles on every start, the demo accounts in Development and the configured first admin elsewhere, and warns
/// in the log, saying how to create one, while there is no admin.
/// </summary>
public sealed class AccountSeeder(IServiceScopeFactory scopes, AccountService accounts, ILogger<AccountSeeder> logger)
{
    public const string NoAdminWarning =
        "There is no admin account, so nobody can manage users. To create the first admin, set the environment variables "
        + "Auth__BootstrapAdmin__Email and Auth__BootstrapAdmin__Password (at least 10 characters with an upper-case letter, "
        + "a lower-case letter and a digit) and restart the app; then remove the password variable and set a new password on /admin/users.";

    public async Task SeedAsync(AccountSeedOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (await AllInPlaceAsync(options, cancellationToken))
        {
            return;
        }

        await EnsureRolesAsync();

        if (options.CreateDemoAccounts)
        {
            foreach (var demo in DemoAccounts.All)
            {
                await CreateIfMissingAsync(new NewUser(demo.UserName, demo.DisplayName, demo.Role, demo.Password), "demo", cancellationToken);
            }
        }

        if (!string.IsNullOrWhiteSpace(options.BootstrapAdminEmail))
        {
            if (string.IsNullOrEmpty(options.BootstrapAdminPassword))
            {
                logger.LogWarning("Auth:BootstrapAdmin:Email is set but Auth:BootstrapAdmin:Password is not: no admin was created");
            }
            else
            {
                await CreateIfMissingAsync(
                    new NewUser(options.BootstrapAdminEmail.Trim(), null, Roles.Admin, options.BootstrapAdminPassword), "bootstrap admin", cancellationToken);
            }
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if ((await users.GetUsersInRoleAsync(Roles.Admin)).Count == 0)
        {
            logger.LogWarning(NoAdminWarning);
        }
    }

    /// <summary>
    /// Every start after the first finds the roles, the accounts to seed and an admin in place. One plain query says so,
    /// where Identity's lookups are seven queries that EF compiles one by one while the app starts.
    /// </summary>
    private async Task<bool> AllInPlaceAsync(AccountSeedOptions options, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(options.BootstrapAdminEmail) && string.IsNullOrEmpty(options.BootstrapAdminPassword))
        {
            // The slow path says in the log that this admin was not created.
            return false;
        }

        var userNames = (options.CreateDemoAccounts ? DemoAccounts.All.Select(d => d.UserName) : [])
            .Concat(string.IsNullOrWhiteSpace(options.BootstrapAdminEmail) ? [] : [options.BootstrapAdminEmail.Trim()])
            .Select(n => n.ToUpperInvariant())
            .Distinct(StringComparer.Ordinal)
            .ToList();
        await using var scope = scopes.CreateAsyncScope();
        var contexts = scope.ServiceProvider.GetRequiredService<IDbContextFactory<AiDealsDbContext>>();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        var roles = string.Join(", ", Roles.All.Select((_, i) => "@role" + i.ToString(CultureInfo.InvariantCulture)));
        var users = userNames.Count == 0 ? "NULL" : string.Join(", ", userNames.Select((_, i) => "@user" + i.ToString(CultureInfo.InvariantCulture)));
        command.CommandText = $"""
            SELECT (SELECT COUNT(*) FROM "AspNetRoles" WHERE "NormalizedName" IN ({roles})) = {Roles.All.Count}
               AND (SELECT COUNT(*) FROM "AspNetUsers" WHERE "NormalizedUserName" IN ({users})) = {userNames.Count}
               AND EXISTS (SELECT 1 FROM "AspNetUserRoles" ur JOIN "AspNetRoles" r ON r."Id" = ur."RoleId" WHERE r."NormalizedName" = @admin)
            """;
        foreach (var (role, i) in Roles.All.Select((r, i) => (r, i)))
        {
            Parameter(command, "@role" + i.ToString(CultureInfo.InvariantCulture), role.ToUpperInvariant());
        }

        foreach (var (user, i) in userNames.Select((u, i) => (u, i)))
        {
            Parameter(command, "@user" + i.ToString(CultureInfo.InvariantCulture), user);
        }

        Parameter(command, "@admin", Roles.Admin.ToUpperInvariant());
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) == 1;
    }

    private static void Parameter(DbCommand command, string name, string value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private async Task EnsureRolesAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                var result = await roles.CreateAsync(new IdentityRole(role));
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException(
                        $"Could not create the role {role}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
                }
            }
        }
    }

    private async Task CreateIfMissingAsync(NewUser user, string kind, CancellationToken cancellationToken)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            if (await users.FindByNameAsync(user.Email) is not null)
            {
                return;
            }
        }

        // AccountService logs the creation; the password is never logged, only why it was refused.
        var result = await accounts.CreateAsSystemAsync(user, cancellationToken);
        if (!result.Succeeded)
        {
            logger.LogError("Could not create the {Kind} account {UserName}: {Errors}", kind, user.Email, string.Join(" ", result.Errors));
        }
    }
}
