using System.Text.Json;
using AiDeals.Core.Data;
using AiDeals.Core.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AiDeals.Core.Features.Accounts;

/// <summary>
/// The admin's account commands: list, create, change role, lock, unlock, reset password. Every command checks that the
/// actor is an admin (the page's [Authorize] guards only its URL, not its event handlers), runs in one transaction with
/// its own audit entry, and writes no secret into that entry.
/// </summary>
public sealed class AccountService(IServiceScopeFactory scopes, TimeProvider clock, ILogger<AccountService> logger)
{
    /// <summary>The entity type of account audit entries.</summary>
    public const string AuditEntityType = "User";

    /// <summary>The user name of saves made by the app itself (seeding the first accounts).</summary>
    public const string SystemUser = "system";

    public async Task<UserListResult> ListUsersAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        if (!actor.IsAdmin)
        {
            return new UserListResult(AccountOutcome.Forbidden, []);
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AiDealsDbContext>();
        var users = await db.Users.AsNoTracking()
            .OrderBy(u => u.UserName)
            .Select(u => new { u.Id, u.UserName, u.DisplayName, u.LockoutEnd })
            .ToListAsync(cancellationToken);
        var roles = await (
                from link in db.UserRoles.AsNoTracking()
                join role in db.Roles.AsNoTracking() on link.RoleId equals role.Id
                select new { link.UserId, role.Name })
            .ToListAsync(cancellationToken);
        var roleOf = roles.GroupBy(r => r.UserId).ToDictionary(g => g.Key, g => HighestRole(g.Select(r => r.Name)));

        return new UserListResult(
            AccountOutcome.Done,
            users.Select(u => new UserSummary(u.Id, u.UserName ?? u.Id, u.DisplayName, roleOf.GetValueOrDefault(u.Id), u.LockoutEnd)).ToList());
    }

    public async Task<AccountResult> CreateUserAsync(Actor actor, NewUser user, CancellationToken cancellationToken = default) =>
        actor.IsAdmin ? await CreateAsync(actor.UserName, user, cancellationToken) : AccountResult.Forbidden;

    /// <summary>Gives the user exactly this role (the roles are nested: an admin is also an analyst and a viewer).</summary>
    public Task<AccountResult> ChangeRoleAsync(Actor actor, string userId, string role, CancellationToken cancellationToken = default) =>
        RunAsync(actor, userId, "Role changed", async (operation, user) =>
        {
            var newRole = Roles.Normalize(role);
            if (newRole is null)
            {
                return AccountResult.Invalid($"'{role}' is not a role. Choose {string.Join(", ", Roles.All)}.");
            }

            var oldRoles = await operation.Users.GetRolesAsync(user);
            var oldRole = HighestRole(oldRoles);
            if (oldRole == newRole && oldRoles.Count == 1)
            {
                return AccountResult.Done;
            }

            if (oldRoles.Contains(Roles.Admin) && newRole != Roles.Admin)
            {
                var refusal = await RefuseLosingTheLastAdminAsync(operation, actor, user, "change the role of");
                if (refusal is not null)
                {
                    return refusal;
                }
            }

            var result = await operation.Users.RemoveFromRolesAsync(user, oldRoles);
            result = result.Succeeded ? await operation.Users.AddToRoleAsync(user, newRole) : result;

            // A new stamp ends the user's current sessions at their next check, so a demotion takes effect at once
            // rather than when the cookie (which carries the roles) expires.
            result = result.Succeeded ? await operation.Users.UpdateSecurityStampAsync(user) : result;
            return result.Succeeded
                ? operation.Audit(AuditAction.Updated, ("Role", oldRole, newRole))
                : Invalid(result);
        }, cancellationToken);

    /// <summary>Locks the account until an admin unlocks it, and ends its sessions.</summary>
    public Task<AccountResult> LockAsync(Actor actor, string userId, CancellationToken cancellationToken = default) =>
        RunAsync(actor, userId, "Locked by an admin", async (operation, user) =>
        {
            if (await operation.Users.IsInRoleAsync(user, Roles.Admin))
            {
                var refusal = await RefuseLosingTheLastAdminAsync(operation, actor, user, "lock");
                if (refusal is not null)
                {
                    return refusal;
                }
            }

            var wasLocked = await operation.Users.IsLockedOutAsync(user);
            var result = await operation.Users.SetLockoutEnabledAsync(user, true);
            result = result.Succeeded ? await operation.Users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue) : result;
            result = result.Succeeded ? await operation.Users.UpdateSecurityStampAsync(user) : result;
            return result.Succeeded
                ? operation.Audit(AuditAction.Updated, ("Locked", wasLocked, true))
                : Invalid(result);
        }, cancellationToken);

    /// <summary>Unlocks the account, whether an admin or failed logins locked it, and clears its failed-login count.</summary>
    public Task<AccountResult> UnlockAsync(Actor actor, string userId, CancellationToken cancellationToken = default) =>
        RunAsync(actor, userId, "Unlocked by an admin", async (operation, user) =>
        {
            var wasLocked = await operation.Users.IsLockedOutAsync(user);
            var result = await operation.Users.SetLockoutEndDateAsync(user, null);
            result = result.Succeeded ? await operation.Users.ResetAccessFailedCountAsync(user) : result;
            return result.Succeeded
                ? operation.Audit(AuditAction.Updated, ("Locked", wasLocked, false))
                : Invalid(result);
        }, cancellationToken);

    /// <summary>
    /// Sets a new password chosen by the admin (checked by Identity's password policy) and ends the user's sessions.
    /// The audit entry says that the password changed, never what to.
    /// </summary>
    public Task<AccountResult> ResetPasswordAsync(Actor actor, string userId, string newPassword, CancellationToken cancellationToken = default) =>
        RunAsync(actor, userId, "Password reset by an admin", async (operation, user) =>
        {
            // Remove then add, in the command's transaction: when the new password breaks the policy the removal is
            // rolled back with it and the old password still works.
            var result = await operation.Users.RemovePasswordAsync(user);
            result = result.Succeeded ? await operation.Users.AddPasswordAsync(user, newPassword ?? string.Empty) : result;
            return result.Succeeded
                ? operation.Audit(AuditAction.Updated, ("Password", null, "(changed)"))
                : Invalid(result);
        }, cancellationToken);

    /// <summary>Creates an account on behalf of the app itself (the first admin, the demo accounts), audited as "system".</summary>
    internal Task<AccountResult> CreateAsSystemAsync(NewUser user, CancellationToken cancellationToken) =>
        CreateAsync(SystemUser, user, cancellationToken);

    private async Task<AccountResult> CreateAsync(string auditUser, NewUser input, CancellationToken cancellationToken)
    {
        var role = Roles.Normalize(input.Role);
        var errors = new List<string>();
        if (role is null)
        {
            errors.Add($"'{input.Role}' is not a role. Choose {string.Join(", ", Roles.All)}.");
        }

        var displayName = string.IsNullOrWhiteSpace(input.DisplayName) ? null : input.DisplayName.Trim();
        if (displayName?.Length > AppUserLimits.DisplayNameLength)
        {
            errors.Add("The display name: " + TextLimitAttribute.Message(AppUserLimits.DisplayNameLength, displayName.Length));
        }

        var email = input.Email?.Trim() ?? string.Empty;
        if (email.Length == 0)
        {
            errors.Add("The email address is required.");
        }

        if (errors.Count > 0)
        {
            return AccountResult.Invalid(errors);
        }

        await using var operation = await AccountOperation.BeginAsync(scopes, auditUser, clock, cancellationToken);
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName };

        // Identity checks the user (a valid, unused email) and the password policy, with its own messages.
        var result = await operation.Users.CreateAsync(user, input.Password ?? string.Empty);
        result = result.Succeeded ? await operation.Users.AddToRoleAsync(user, role!) : result;
        if (!result.Succeeded)
        {
            return Invalid(result);
        }

        operation.Target = user;
        operation.Audit(AuditAction.Created, ("UserName", null, email), ("DisplayName", null, displayName), ("Role", null, role));
        await operation.CommitAsync(reason: null, cancellationToken);
        logger.LogInformation("{Actor} created the account {UserName} ({Role})", auditUser, email, role);
        return AccountResult.Done;
    }

    private async Task<AccountResult> RunAsync(
        Actor actor, string userId, string reason, Func<AccountOperation, AppUser, Task<AccountResult>> command, CancellationToken cancellationToken)
    {
        if (!actor.IsAdmin)
        {
            logger.LogWarning("Refused an account command to {Actor}, who is not an admin", actor.IsAuthenticated ? actor.UserName : "an anonymous caller");
            return AccountResult.Forbidden;
        }

        await using var operation = await AccountOperation.BeginAsync(scopes, actor.UserName, clock, cancellationToken);
        var user = await operation.Users.FindByIdAsync(userId ?? string.Empty);
        if (user is null)
        {
            return AccountResult.NotFound;
        }

        operation.Target = user;
        var result = await command(operation, user);
        if (result.Succeeded && operation.HasAudit)
        {
            await operation.CommitAsync(reason, cancellationToken);
            logger.LogInformation("{Actor}: {Action} for {UserName}", actor.UserName, reason, user.UserName);
        }

        return result;
    }

    /// <summary>Refuses a change that would leave no admin who can log in, or that an admin makes to their own account.</summary>
    private static async Task<AccountResult?> RefuseLosingTheLastAdminAsync(AccountOperation operation, Actor actor, AppUser user, string verb)
    {
        if (string.Equals(user.UserName, actor.UserName, StringComparison.OrdinalIgnoreCase))
        {
            return AccountResult.Invalid($"You cannot {verb} your own account; ask another admin.");
        }

        var now = operation.Now;
        var otherActiveAdmins = (await operation.Users.GetUsersInRoleAsync(Roles.Admin))
            .Count(admin => admin.Id != user.Id && !(admin.LockoutEnd > now));
        return otherActiveAdmins == 0
            ? AccountResult.Invalid($"{user.UserName} is the only admin who can log in; make another user admin first.")
            : null;
    }

    private static AccountResult Invalid(IdentityResult result) => AccountResult.Invalid(result.Errors.Select(e => e.Description));

    private static string? HighestRole(IEnumerable<string?> roles)
    {
        var held = roles.ToHashSet(StringComparer.OrdinalIgnoreCase);
        return Roles.All.LastOrDefault(held.Contains);
    }

    /// <summary>
    /// One command's unit of work: a service scope whose UserManager and DbContext share one context, one transaction
    /// over Identity's saves and the audit entry, rolled back unless committed.
    /// </summary>
    private sealed class AccountOperation : IAsyncDisposable
    {
        private static readonly JsonSerializerOptions ChangesJson = new();

        private readonly AsyncServiceScope _scope;
        private readonly string _auditUser;
        private readonly TimeProvider _clock;
        private Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction? _transaction;
        private (AuditAction Action, Dictionary<string, object> Changes)? _audit;

        private AccountOperation(AsyncServiceScope scope, string auditUser, TimeProvider clock)
        {
            _scope = scope;
            _auditUser = auditUser;
            _clock = clock;
            Users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            Db = scope.ServiceProvider.GetRequiredService<AiDealsDbContext>();
        }

        public UserManager<AppUser> Users { get; }

        public AiDealsDbContext Db { get; }

        public AppUser? Target { get; set; }

        public DateTimeOffset Now => _clock.GetUtcNow();

        public bool HasAudit => _audit is not null;

        public static async Task<AccountOperation> BeginAsync(
            IServiceScopeFactory scopes, string auditUser, TimeProvider clock, CancellationToken cancellationToken)
        {
            var operation = new AccountOperation(scopes.CreateAsyncScope(), auditUser, clock);
            operation._transaction = await operation.Db.Database.BeginTransactionAsync(cancellationToken);
            return operation;
        }

        /// <summary>Records the change to write on commit; values are plain names, flags or placeholders, never secrets.</summary>
        public AccountResult Audit(AuditAction action, params (string Field, object? Old, object? New)[] changes)
        {
            _audit = (action, changes.Where(c => c.Old is not null || c.New is not null)
                .ToDictionary(c => c.Field, c => (object)new { old = c.Old, @new = c.New }));
            return AccountResult.Done;
        }

        public async Task CommitAsync(string? reason, CancellationToken cancellationToken)
        {
            if (_audit is { } audit && Target is not null)
            {
                Db.AuditEntries.Add(new AuditEntry
                {
                    EntityType = AuditEntityType,
                    EntityId = Target.Id,
                    Action = audit.Action,
                    AtUtc = Now.UtcDateTime,
                    User = _auditUser,
                    Reason = reason,
                    Changes = JsonSerializer.Serialize(audit.Changes, ChangesJson),
                });
                await Db.SaveChangesAsync(cancellationToken);
            }

            await _transaction!.CommitAsync(cancellationToken);
        }

        public async ValueTask DisposeAsync()
        {
            if (_transaction is not null)
            {
                await _transaction.DisposeAsync();
            }

            await _scope.DisposeAsync();
        }
    }
}
