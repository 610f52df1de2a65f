using Microsoft.AspNetCore.Identity;

namespace AiDeals.Core.Features.Accounts;

/// <summary>A person who logs in. The user name is the email address.</summary>
public class AppUser : IdentityUser
{
    /// <summary>The name shown in the app bar and the user list; the user name when empty.</summary>
    [PersonalData]
    public string? DisplayName { get; set; }
}

/// <summary>Lengths shared by the database column and the form that fills it.</summary>
public static class AppUserLimits
{
    public const int DisplayNameLength = 100;
}
