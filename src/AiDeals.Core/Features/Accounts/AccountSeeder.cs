using Microsoft.AspNetCore.Identity;
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
