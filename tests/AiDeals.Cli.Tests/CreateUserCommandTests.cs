using AiDeals.Core.Data;
using AiDeals.Core.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace AiDeals.Cli.Tests;

/// <summary><c>aideals create-user</c>: the first admin without the app, under the same rules and audit as /admin/users.</summary>
public sealed class CreateUserCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task CreateUser_WithoutAPassword_PrintsAGeneratedOneOnceThatSignsIn_AndAuditsTheOperator()
    {
        var path = await MigratedAsync();

        var run = await CliRun.RunAsync("create-user", "first.admin@example.com", "--role", "Admin", "--display-name", "First Admin", "--database", path);

        Assert.Equal((0, string.Empty), (run.ExitCode, run.Error));
        Assert.Contains("Created first.admin@example.com (Admin)", run.Output, StringComparison.Ordinal);
        var password = run.Output.Split('\n').Single(l => l.StartsWith("Password (shown once", StringComparison.Ordinal)).Split(": ")[1].Trim();
        Assert.Equal(20, password.Length);
        Assert.True(await ChecksAsync(path, "first.admin@example.com", password, Roles.Admin));
        Assert.Equal(1, TempFolder.Scalar(path, $"SELECT COUNT(*) FROM AuditEntries WHERE EntityType = 'User' AND User = 'cli:{Environment.UserName}'"));
        Assert.Equal(0, TempFolder.Scalar(path, $"SELECT COUNT(*) FROM AuditEntries WHERE Changes LIKE '%{password}%'"));
    }

    [Fact]
    public async Task CreateUser_PasswordFromStandardInput_IsTheOneSetAndIsNotPrinted()
    {
        var path = await MigratedAsync();

        var run = await CliRun.RunWithInputAsync("Correct-Horse-42\n", "create-user", "ann@example.com", "--role", "Analyst", "--password-stdin", "--database", path);

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("Correct-Horse-42", run.Output, StringComparison.Ordinal);
        Assert.True(await ChecksAsync(path, "ann@example.com", "Correct-Horse-42", Roles.Analyst));
    }

    [Theory]
    [InlineData("short\n", "Passwords must be at least 10 characters.")]
    [InlineData("\n", "standard input held no password")]
    public async Task CreateUser_PasswordTheRulesRefuse_ExitsWith1AndCreatesNoAccount(string input, string message)
    {
        var path = await MigratedAsync();

        var run = await CliRun.RunWithInputAsync(input, "create-user", "ann@example.com", "--role", "Analyst", "--password-stdin", "--database", path);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.Equal(0, TempFolder.Scalar(path, "SELECT COUNT(*) FROM AspNetUsers"));
    }

    [Fact]
    public async Task CreateUser_EmailThatIsTaken_ExitsWith1()
    {
        var path = await MigratedAsync();
        Assert.Equal(0, (await CliRun.RunAsync("create-user", "ann@example.com", "--role", "Viewer", "--database", path)).ExitCode);

        var run = await CliRun.RunAsync("create-user", "ann@example.com", "--role", "Admin", "--database", path);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("is already taken", run.Error, StringComparison.Ordinal);
        Assert.Equal(1, TempFolder.Scalar(path, "SELECT COUNT(*) FROM AspNetUsers"));
    }

    [Fact]
    public async Task CreateUser_RoleThatDoesNotExist_IsAUsageErrorWithTheRoles()
    {
        var run = await CliRun.RunAsync("create-user", "ann@example.com", "--role", "Emperor", "--database", Path.Combine(_folder.Path, "x.db"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("'Analyst'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateUser_WithoutADatabase_ExitsWith3AndCreatesNone()
    {
        var path = Path.Combine(_folder.Path, "none.db");

        var run = await CliRun.RunAsync("create-user", "ann@example.com", "--role", "Admin", "--database", path);

        Assert.Equal(3, run.ExitCode);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void GeneratedPasswords_MeetThePolicyAndDiffer()
    {
        var passwords = Enumerable.Range(0, 200).Select(_ => Features.Accounts.CreateUserCommand.GeneratePassword()).ToList();

        Assert.All(passwords, p => Assert.True(p.Length == 20 && p.Any(char.IsUpper) && p.Any(char.IsLower) && p.Any(char.IsDigit), p));
        Assert.Equal(passwords.Count, passwords.Distinct(StringComparer.Ordinal).Count());
    }

    public void Dispose() => _folder.Dispose();

    private static async Task<bool> ChecksAsync(string path, string email, string password, string role)
    {
        var services = new ServiceCollection().AddLogging().AddAiDealsCore($"Data Source={path};Pooling=False");
        services.AddAiDealsAccounts();
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByNameAsync(email);
        return user is not null && await users.CheckPasswordAsync(user, password) && await users.IsInRoleAsync(user, role);
    }

    private async Task<string> MigratedAsync()
    {
        var path = Path.Combine(_folder.Path, "accounts.db");
        Assert.Equal(0, (await CliRun.RunAsync("migrate", "--database", path)).ExitCode);
        return path;
    }
}
