using AiDeals.Core.Data;
using AiDeals.Core.Domain;
using AiDeals.Core.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AiDeals.Core.Tests.Support;

/// <summary>
/// A migrated SQLite file with Identity wired as the app wires it (<c>AddAiDealsCore</c> + <c>AddAiDealsAccounts</c>),
/// the roles seeded and, by default, the demo accounts in it. Log messages are kept for the tests to read.
/// </summary>
internal sealed class AccountsDatabase : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private AccountsDatabase(string path, bool pooling = true)
    {
        FilePath = path;
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = pooling }.ToString();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(Log));
        services.AddAiDealsCore(connectionString);
        services.AddAiDealsAccounts();
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public string FilePath { get; }

    public RecordingLoggerProvider Log { get; } = new();

    public AccountService Accounts => _services.GetRequiredService<AccountService>();

    public AccountSeeder Seeder => _services.GetRequiredService<AccountSeeder>();

    /// <remarks>
    /// With the demo accounts, the database is a copy of one made once per test run by the same migrations and seeder:
    /// the seeder hashes three passwords, which cost more than most of these tests. Without them it is made afresh, so
    /// that the seeder's log messages are this database's own.
    /// </remarks>
    public static async Task<AccountsDatabase> CreateAsync(bool demoAccounts = true)
    {
        if (demoAccounts)
        {
            var path = NewPath();
            File.Copy(await DemoTemplate.Value, path);
            return new AccountsDatabase(path);
        }

        var database = new AccountsDatabase(NewPath());
        await database.MigrateAndSeedAsync(demoAccounts, TestContext.Current.CancellationToken);
        return database;
    }

    private static readonly Lazy<Task<string>> DemoTemplate = new(async () =>
    {
        var path = NewPath();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => File.Delete(path);
        var template = new AccountsDatabase(path, pooling: false);
        try
        {
            await template.MigrateAndSeedAsync(demoAccounts: true, CancellationToken.None);
        }
        finally
        {
            await template._services.DisposeAsync();
        }

        return path;
    });

    private async Task MigrateAndSeedAsync(bool demoAccounts, CancellationToken cancellationToken)
    {
        await using (var db = await _services.GetRequiredService<IDbContextFactory<AiDealsDbContext>>().CreateDbContextAsync(cancellationToken))
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        await Seeder.SeedAsync(new AccountSeedOptions(demoAccounts, null, null), cancellationToken);
    }

    private static string NewPath()
    {
        var folder = Path.Combine(Path.GetTempPath(), "aideals-core-tests");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, Guid.NewGuid().ToString("N") + ".db");
    }

    public Task<AiDealsDbContext> CreateContextAsync() =>
        _services.GetRequiredService<IDbContextFactory<AiDealsDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);

    /// <summary>The account's row as stored, read afresh.</summary>
    public async Task<AppUser> ReadUserAsync(string userName)
    {
        await using var db = await CreateContextAsync();
        return await db.Users.AsNoTracking().SingleAsync(u => u.UserName == userName, TestContext.Current.CancellationToken);
    }

    public async Task<IList<string>> ReadRolesAsync(string userName)
    {
        await using var scope = _services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return await users.GetRolesAsync((await users.FindByNameAsync(userName))!);
    }

    public async Task<bool> CheckPasswordAsync(string userName, string password)
    {
        await using var scope = _services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return await users.CheckPasswordAsync((await users.FindByNameAsync(userName))!, password);
    }

    public async Task<List<AuditEntry>> ReadAccountAuditAsync()
    {
        await using var db = await CreateContextAsync();
        return await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == AccountService.AuditEntityType)
            .OrderBy(a => a.Id)
            .ToListAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { FilePath, FilePath + "-wal", FilePath + "-shm" })
        {
            File.Delete(file);
        }
    }
}

/// <summary>Keeps every log message written, with its level.</summary>
internal sealed class RecordingLoggerProvider : ILoggerProvider
{
    private readonly List<(LogLevel Level, string Message)> _messages = [];

    public IReadOnlyList<(LogLevel Level, string Message)> Messages
    {
        get
        {
            lock (_messages)
            {
                return [.. _messages];
            }
        }
    }

    public ILogger CreateLogger(string categoryName) => new Recorder(this);

    public void Dispose()
    {
    }

    private sealed class Recorder(RecordingLoggerProvider provider) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (provider._messages)
            {
                provider._messages.Add((logLevel, formatter(state, exception)));
            }
        }
    }
}
