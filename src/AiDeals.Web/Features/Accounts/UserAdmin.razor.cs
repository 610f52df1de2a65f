using AiDeals.Core.Features.Accounts;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace AiDeals.Web.Features.Accounts;

/// <summary>The admins' page of accounts: roles, locks, new passwords and new accounts, each change audited.</summary>
public partial class UserAdmin
{
    private IReadOnlyList<UserSummary>? _users;
    private List<string> _errors = [];
    private NewUserForm _newUser = new();
    private UserSummary? _resetting;
    private string _newPassword = string.Empty;
    private string _me = string.Empty;
    private bool _busy;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    private DateTimeOffset Now => Clock.GetUtcNow();

    protected override async Task OnInitializedAsync()
    {
        _me = (await AuthenticationState.GetActorAsync()).UserName;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        var list = await Accounts.ListUsersAsync(await AuthenticationState.GetActorAsync());
        _users = list.Users;
        if (list.Outcome == AccountOutcome.Forbidden)
        {
            _errors = [.. AccountResult.Forbidden.Errors];
        }
    }

    private bool IsSelf(UserSummary user) => string.Equals(user.UserName, _me, StringComparison.OrdinalIgnoreCase);

    private async Task CreateAsync()
    {
        var email = _newUser.Email.Trim();
        var created = await RunAsync(actor => Accounts.CreateUserAsync(
            actor, new NewUser(email, _newUser.DisplayName, _newUser.Role, _newUser.Password)), $"Created {email}.");
        if (created)
        {
            _newUser = new NewUserForm();
        }
    }

    private Task ChangeRoleAsync(UserSummary user, string role) =>
        RunAsync(actor => Accounts.ChangeRoleAsync(actor, user.Id, role), $"{user.UserName} is now {role}.");

    private Task LockAsync(UserSummary user) =>
        RunAsync(actor => Accounts.LockAsync(actor, user.Id), $"Locked {user.UserName}.");

    private Task UnlockAsync(UserSummary user) =>
        RunAsync(actor => Accounts.UnlockAsync(actor, user.Id), $"Unlocked {user.UserName}.");

    private void StartReset(UserSummary user)
    {
        _resetting = user;
        _newPassword = string.Empty;
        _errors = [];
    }

    private void CancelReset()
    {
        _resetting = null;
        _newPassword = string.Empty;
    }

    private async Task ResetPasswordAsync()
    {
        var user = _resetting!;
        if (await RunAsync(actor => Accounts.ResetPasswordAsync(actor, user.Id, _newPassword), $"Set a new password for {user.UserName}."))
        {
            CancelReset();
        }
    }

    /// <summary>Runs one command as the current user (read afresh: the role may have changed), shows its outcome, reloads the list.</summary>
    private async Task<bool> RunAsync(Func<Actor, Task<AccountResult>> command, string done)
    {
        _busy = true;
        try
        {
            var result = await command(await AuthenticationState.GetActorAsync());
            _errors = [.. result.Errors];
            if (result.Succeeded)
            {
                Snackbar.Add(done, Severity.Success);
            }

            await LoadAsync();
            return result.Succeeded;
        }
        finally
        {
            _busy = false;
        }
    }
}
