using System.ComponentModel.DataAnnotations;
using AiDeals.Core.Features;
using AiDeals.Core.Features.Accounts;

namespace AiDeals.Web.Features.Accounts;

/// <summary>The admin's form for a new account.</summary>
public sealed class NewUserForm
{
    public const string PasswordHelp = "At least 10 characters, with an upper-case letter, a lower-case letter and a digit.";

    [Required(ErrorMessage = "Enter the email address the user logs in with.")]
    [EmailAddress(ErrorMessage = "Enter an email address, such as analyst@example.com.")]
    public string Email { get; set; } = string.Empty;

    [PlainText]
    [TextLimit(AppUserLimits.DisplayNameLength)]
    public string? DisplayName { get; set; }

    [Required]
    public string Role { get; set; } = Roles.Viewer;

    [Required(ErrorMessage = "Enter an initial password.")]
    public string Password { get; set; } = string.Empty;
}
