using System.Text.Json;
using AiDeals.Core.Domain;
using AiDeals.Core.Features.Accounts;
using AiDeals.Core.Tests.Support;
using Microsoft.Extensions.Logging;

namespace AiDeals.Core.Tests;

public class AccountServiceTests
{
    private static readonly Actor Admin = Actor.Create(DemoAccounts.Admin.UserName, Roles.Admin);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static TheoryData<string> NonAdmins => ["anonymous", Roles.Viewer, Roles.Analyst];

    [Theory]
    [MemberData(nameof(NonAdmins))]
    public async Task EveryCommand_ActorIsNoAdmin_IsForbiddenAndChangesNothing(string who)
    {
        await using var database = await AccountsDatabase.CreateAsync();
        var actor = who == "anonymous" ? Actor.Anonymous : Actor.Create($"{who.ToUpperInvariant()}@example.com", who);
        var viewer = await database.ReadUserAsync(DemoAccounts.Viewer.UserName);
        var auditBefore = (await database.ReadAccountAuditAsync()).Count;
        var accounts = database.Accounts;

        var results = new[]
        {
            await accounts.CreateUserAsync(actor, new NewUser("eve@example.com", "Eve", Roles.Admin, "EveWantsIn2025"), Cancel),
            await accounts.ChangeRoleAsync(actor, viewer.Id, Roles.Admin, Cancel),
            await accounts.LockAsync(actor, viewer.Id, Cancel),
            await accounts.UnlockAsync(actor, viewer.Id, Cancel),
            await accounts.ResetPasswordAsync(actor, viewer.Id, "Replaced12345", Cancel),
        };
        var list = await accounts.ListUsersAsync(actor, Cancel);

        Assert.All(results, result => Assert.Equal(AccountOutcome.Forbidden, result.Outcome));
        Assert.Equal(AccountOutcome.Forbidden, list.Outcome);
        Assert.Empty(list.Users);
        var after = await database.ReadUserAsync(DemoAccounts.Viewer.UserName);
        Assert.Equal(viewer.SecurityStamp, after.SecurityStamp);
        Assert.Equal(viewer.PasswordHash, after.PasswordHash);
        Assert.Null(after.LockoutEnd);
        Assert.Equal([Roles.Viewer], await database.ReadRolesAsync(DemoAccounts.Viewer.UserName));
        Assert.True(await database.CheckPasswordAsync(DemoAccounts.Viewer.UserName, DemoAccounts.Viewer.Password));
        Assert.Equal(auditBefore, (await database.ReadAccountAuditAsync()).Count);
        await using var db = await database.CreateContextAsync();
        Assert.DoesNotContain(db.Users, u => u.UserName == "eve@example.com");
    }

    [Fact]
    public async Task IdentitySaves_LoginFailuresAndAccountCommands_WriteOnlyTheExplicitAccountEntries()
    {
        await using var database = await AccountsDatabase.CreateAsync();
        var viewer = await database.ReadUserAsync(DemoAccounts.Viewer.UserName);
        await database.Accounts.ResetPasswordAsync(Admin, viewer.Id, "FreshStart2025", Cancel);

        await using var db = await database.CreateContextAsync();
        var types = db.AuditEntries.Select(a => a.EntityType).Distinct().ToList();

        // The interceptor skips Identity's rows (users, roles, role links): no hash or stamp can reach the audit log.
        Assert.Equal([AccountService.AuditEntityType], types);
        Assert.DoesNotContain(db.AuditEntries, a => a.Changes.Contains("PasswordHash") || a.Changes.Contains("SecurityStamp"));
    }

    [Fact]
    public async Task ListUsers_Admin_ListsEveryAccountWithItsRole()
    {
        await using var database = await AccountsDatabase.CreateAsync();

        var list = await database.Accounts.ListUsersAsync(Admin, Cancel);

        Assert.Equal(AccountOutcome.Done, list.Outcome);
        Assert.Equal(
            DemoAccounts.All.OrderBy(d => d.UserName, StringComparer.Ordinal).Select(d => (d.UserName, d.DisplayName, (string?)d.Role)),
            list.Users.Select(u => (u.UserName, u.DisplayName!, u.Role)));
        Assert.All(list.Users, u => Assert.False(u.IsLockedOut(DateTimeOffset.UtcNow)));
    }

    [Fact]
    public async Task CreateUser_Admin_CreatesAccountWithRoleAndAuditsItWithoutSecrets()
    {
        await using var database = await AccountsDatabase.CreateAsync();

        var result = await database.Accounts.CreateUserAsync(Admin, new NewUser(" nora@example.com ", "Nora", "analyst", "NoraPicks2025"), Cancel);

        Assert.Equal(AccountOutcome.Done, result.Outcome);
        var user = await database.ReadUserAsync("nora@example.com");
        Assert.Equal("nora@example.com", user.Email);
        Assert.Equal("Nora", user.DisplayName);
        Assert.True(user.LockoutEnabled);
        Assert.Equal([Roles.Analyst], await database.ReadRolesAsync("nora@example.com"));
        Assert.True(await database.CheckPasswordAsync("nora@example.com", "NoraPicks2025"));

        var entry = (await database.ReadAccountAuditAsync()).Last();
        Assert.Equal(AuditAction.Created, entry.Action);
        Assert.Equal(user.Id, entry.EntityId);
        Assert.Equal(DemoAccounts.Admin.UserName, entry.User);
        var changes = JsonDocument.Parse(entry.Changes).RootElement;
        Assert.Equal("nora@example.com", changes.GetProperty("UserName").GetProperty("new").GetString());
        Assert.Equal(Roles.Analyst, changes.GetProperty("Role").GetProperty("new").GetString());
        AssertNoSecret(entry, user);
    }

    [Fact]
    public async Task CreateUser_WeakPassword_IsInvalidWithIdentitysMessagesAndCreatesNothing()
    {
        await using var database = await AccountsDatabase.CreateAsync();
        var auditBefore = (await database.ReadAccountAuditAsync()).Count;

        var result = await database.Accounts.CreateUserAsync(Admin, new NewUser("weak@example.com", null, Roles.Viewer, "short"), Cancel);

        Assert.Equal(AccountOutcome.Invalid, result.Outcome);
        Assert.Contains("Passwords must be at least 10 characters.", result.Errors);
        Assert.Contains(result.Errors, e => e.Contains("digit", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Contains("uppercase", StringComparison.Ordinal));
        await using var db = await database.CreateContextAsync();
        Assert.DoesNotContain(db.Users, u => u.UserName == "weak@example.com");
        Assert.Equal(auditBefore, (await database.ReadAccountAuditAsync()).Count);
    }

    [Theory]
    [InlineData("viewer@aideals.local", Roles.Viewer, "is already taken")]
    [InlineData("new@example.com", "Owner", "is not a role")]
    [InlineData("not an email", Roles.Viewer, "is invalid")]
    public async Task CreateUser_BadEmailOrRole_IsInvalidAndSaysWhy(string email, string role, string message)
    {
        await using var database = await AccountsDatabase.CreateAsync();

        var result = await database.Accounts.CreateUserAsync(Admin, new NewUser(email, null, role, "GoodEnough2025"), Cancel);

        Assert.Equal(AccountOutcome.Invalid, result.Outcome);
        Assert.Contains(result.Errors, e => e.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ChangeRole_ViewerToAnalyst_ReplacesTheRoleEndsSessionsAndAuditsOldAndNew()
    {
        await using var database = await AccountsDatabase.CreateAsync();
        var viewer = await database.ReadUserAsync(DemoAccounts.Viewer.UserName);

        var result = await database.Accounts.ChangeRoleAsync(Admin, viewer.Id, Roles.Analyst, Cancel);

        Assert.Equal(AccountOutcome.Done, result.Outcome);
        Assert.Equal([Roles.Analyst], await database.ReadRolesAsync(viewer.UserName!));
        Assert.NotEqual(viewer.SecurityStamp, (await database.ReadUserAsync(viewer.UserName!)).SecurityStamp);
        var entry = (await database.ReadAccountAuditAsync()).Last();
        Assert.Equal(AuditAction.Updated, entry.Action);
        Assert.Equal(viewer.Id, entry.EntityId);
        var role = JsonDocument.Parse(entry.Changes).RootElement.GetProperty("Role");
        Assert.Equal(Roles.Viewer, role.GetProperty("old").GetString());
        Assert.Equal(Roles.Analyst, role.GetProperty("new").GetString());
        AssertNoSecret(entry, await database.ReadUserAsync(viewer.UserName!));
    }

    [Fact]
    public async Task ChangeRole_OnlyAdminDemotingThemself_IsRefused()
    {
        await using var database = await AccountsDatabase.CreateAsync();
        var admin = await database.ReadUserAsync(DemoAccounts.Admin.UserName);

        var result = await database.Accounts.ChangeRoleAsync(Admin, admin.Id, Roles.Viewer, Cancel);

        Assert.Equal(AccountOutcome.Invalid, result.Outcome);
        Assert.Equal([Roles.Admin], await database.ReadRolesAsync(admin.UserName!));
    }

    [Fact]
    public async Task ChangeRole_UnknownUser_IsNotFound()
    {
        await using var database = await AccountsDatabase.CreateAsync();

        var result = await database.Accounts.ChangeRoleAsync(Admin, "no-such-id", Roles.Viewer, Cancel);

        Assert.Equal(AccountOutcome.NotFound, result.Outcome);
    }

    [Fact]
    public async Task LockThenUnlock_Analyst_LocksUntilUnlockedAndAuditsBoth()
    {
        await using var database = await AccountsDatabase.CreateAsync();
        var analyst = await database.ReadUserAsync(DemoAccounts.Analyst.UserName);

        var locked = await database.Accounts.LockAsync(Admin, analyst.Id, Cancel);
        var whileLocked = (await database.Accounts.ListUsersAsync(Admin, Cancel)).Users.Single(u => u.Id == analyst.Id);
        var unlocked = await database.Accounts.UnlockAsync(Admin, analyst.Id, Cancel);
        var afterUnlock = (await database.Accounts.ListUsersAsync(Admin, Cancel)).Users.Single(u => u.Id == analyst.Id);

        Assert.Equal(AccountOutcome.Done, locked.Outcome);
        Assert.True(whileLocked.IsLockedOut(DateTimeOffset.UtcNow.AddYears(10)));
        Assert.True(whileLocked.IsLockedByAdmin(DateTimeOffset.UtcNow));
        Assert.Equal(AccountOutcome.Done, unlocked.Outcome);
        Assert.False(afterUnlock.IsLockedOut(DateTimeOffset.UtcNow));
        var entries = (await database.ReadAccountAuditAsync()).TakeLast(2).ToList();
        Assert.Equal(["Locked by an admin", "Unlocked by an admin"], entries.Select(e => e.Reason));
        Assert.All(entries, e => Assert.Equal(DemoAccounts.Admin.UserName, e.User));
        Assert.True(JsonDocument.Parse(entries[0].Changes).RootElement.GetProperty("Locked").GetProperty("new").GetBoolean());
        Assert.False(JsonDocument.Parse(entries[1].Changes).RootElement.GetProperty("Locked").GetProperty("new").GetBoolean());
    }

    [Fact]
    public async Task Lock_OwnAccount_IsRefused()
    {
        await using var database = await AccountsDatabase.CreateAsync();
        var admin = await database.ReadUserAsync(DemoAccounts.Admin.UserName);

        var result = await database.Accounts.LockAsync(Admin, admin.Id, Cancel);

        Assert.Equal(AccountOutcome.Invalid, result.Outcome);
        Assert.Null((await database.ReadUserAsync(admin.UserName!)).LockoutEnd);
    }

    [Fact]
    public async Task ResetPassword_Admin_NewPasswordWorksOldDoesNotAndTheAuditHoldsNoSecret()
    {
        await using var database = await AccountsDatabase.CreateAsync();
        var viewer = await database.ReadUserAsync(DemoAccounts.Viewer.UserName);

        var result = await database.Accounts.ResetPasswordAsync(Admin, viewer.Id, "FreshStart2025", Cancel);

        Assert.Equal(AccountOutcome.Done, result.Outcome);
        Assert.True(await database.CheckPasswordAsync(viewer.UserName!, "FreshStart2025"));
        Assert.False(await database.CheckPasswordAsync(viewer.UserName!, DemoAccounts.Viewer.Password));
        var entry = (await database.ReadAccountAuditAsync()).Last();
        Assert.Equal("Password reset by an admin", entry.Reason);
        Assert.DoesNotContain("FreshStart2025", entry.Changes, StringComparison.Ordinal);
        AssertNoSecret(entry, await database.ReadUserAsync(viewer.UserName!));
    }

    [Fact]
    public async Task ResetPassword_WeakPassword_IsInvalidAndTheOldPasswordStillWorks()
    {
        await using var database = await AccountsDatabase.CreateAsync();
        var viewer = await database.ReadUserAsync(DemoAccounts.Viewer.UserName);

        var result = await database.Accounts.ResetPasswordAsync(Admin, viewer.Id, "password", Cancel);

        Assert.Equal(AccountOutcome.Invalid, result.Outcome);
        Assert.NotEmpty(result.Errors);
        Assert.True(await database.CheckPasswordAsync(viewer.UserName!, DemoAccounts.Viewer.Password));
    }

    [Fact]
    public async Task Seed_NoDemoAccountsAndNoBootstrapAdmin_WarnsHowToCreateTheFirstAdmin()
    {
        await using var database = await AccountsDatabase.CreateAsync(demoAccounts: false);

        var warning = Assert.Single(database.Log.Messages, m => m.Level == LogLevel.Warning);
        Assert.Contains("Auth__BootstrapAdmin__Email", warning.Message, StringComparison.Ordinal);
        Assert.Contains("Auth__BootstrapAdmin__Password", warning.Message, StringComparison.Ordinal);
        await using var db = await database.CreateContextAsync();
        Assert.Empty(db.Users);
        Assert.Equal(Roles.All.Order(StringComparer.Ordinal), db.Roles.Select(r => r.Name!).AsEnumerable().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Seed_BootstrapAdminConfigured_CreatesThatAdminOnceAndStopsWarning()
    {
        await using var database = await AccountsDatabase.CreateAsync(demoAccounts: false);
        var options = new AccountSeedOptions(false, "boss@example.com", "FirstAdmin2025");

        await database.Seeder.SeedAsync(options, Cancel);
        var warningsBefore = database.Log.Messages.Count(m => m.Level == LogLevel.Warning);
        await database.Seeder.SeedAsync(options, Cancel);

        Assert.Equal([Roles.Admin], await database.ReadRolesAsync("boss@example.com"));
        Assert.True(await database.CheckPasswordAsync("boss@example.com", "FirstAdmin2025"));
        Assert.Equal(warningsBefore, database.Log.Messages.Count(m => m.Level == LogLevel.Warning));
        Assert.Single(await database.ReadAccountAuditAsync(), e => e.User == AccountService.SystemUser);
        Assert.DoesNotContain(database.Log.Messages, m => m.Message.Contains("FirstAdmin2025", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Seed_BootstrapAdminWithWeakPassword_LogsWhyWithoutThePasswordAndCreatesNoAccount()
    {
        await using var database = await AccountsDatabase.CreateAsync(demoAccounts: false);

        await database.Seeder.SeedAsync(new AccountSeedOptions(false, "boss@example.com", "admin"), Cancel);

        var error = Assert.Single(database.Log.Messages, m => m.Level == LogLevel.Error);
        Assert.Contains("at least 10 characters", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(database.Log.Messages, m => m.Message.Contains("\"admin\"", StringComparison.Ordinal));
        await using var db = await database.CreateContextAsync();
        Assert.Empty(db.Users);
    }

    private static void AssertNoSecret(AuditEntry entry, AppUser user)
    {
        foreach (var secret in new[] { user.PasswordHash, user.SecurityStamp, user.ConcurrencyStamp })
        {
            Assert.False(string.IsNullOrEmpty(secret));
            Assert.DoesNotContain(secret!, entry.Changes, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("PasswordHash", entry.Changes, StringComparison.Ordinal);
        Assert.DoesNotContain("SecurityStamp", entry.Changes, StringComparison.Ordinal);
        Assert.DoesNotContain("ConcurrencyStamp", entry.Changes, StringComparison.Ordinal);
    }
}
