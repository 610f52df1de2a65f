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

    private AccountsDatabase(string path)
    {
        FilePath = path;
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path }.ToString();
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

    public static async Task<AccountsDatabase> CreateAsync(bool demoAccounts = true)
    {
        var folder = Path.Combine(Path.GetTempPath(), "aideals-core-tests");
        Directory.CreateDirectory(folder);
        var database = new AccountsDatabase(Path.Combine(folder, Guid.NewGuid().ToString("N") + ".db"));
        await using (var db = await database.CreateContextAsync())
        {
            await db.Database.MigrateAsync(TestContext.Current.CancellationToken);
        }

        await database.Seeder.SeedAsync(new AccountSeedOptions(demoAccounts, null, null), TestContext.Current.CancellationToken);
        return database;
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
