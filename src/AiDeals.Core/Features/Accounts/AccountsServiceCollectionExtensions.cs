using AiDeals.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace AiDeals.Core.Features.Accounts;

public static class AccountsServiceCollectionExtensions
{
    /// <summary>
    /// Identity on the app's own database (users and roles in <see cref="AiDealsDbContext"/>), its policies, and the
    /// account services. The web app adds the sign-in manager, cookies and token providers on the returned builder.
    /// </summary>
    public static IdentityBuilder AddAiDealsAccounts(this IServiceCollection services)
    {
        services.AddSingleton<AccountService>();
        services.AddSingleton<ApiTokenService>();
        services.AddSingleton<AccountSeeder>();
        return services
            .AddIdentityCore<AppUser>(ConfigureIdentity)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AiDealsDbContext>()
            .AddClaimsPrincipalFactory<AppUserClaimsPrincipalFactory>();
    }

    /// <summary>The password, lockout and user rules, one place for the app and the tests.</summary>
    public static void ConfigureIdentity(IdentityOptions options)
    {
        // Length does most of the work; one upper-case letter, one lower-case letter and one digit rule out the
        // dictionary words and all-digit PINs that people pick first. No symbol rule: it adds little and gets written down.
        options.Password.RequiredLength = 10;
        options.Password.RequireDigit = true;
        options.Password.RequireLowercase = true;
        options.Password.RequireUppercase = true;
        options.Password.RequireNonAlphanumeric = false;
        options.Password.RequiredUniqueChars = 4;

        // Five wrong passwords lock the account for five minutes: slows guessing without locking people out for long.
        options.Lockout.AllowedForNewUsers = true;
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);

        options.User.RequireUniqueEmail = true;
        options.SignIn.RequireConfirmedAccount = false;
    }
}
