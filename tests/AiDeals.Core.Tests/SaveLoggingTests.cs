using AiDeals.Core.Data;
using AiDeals.Core.Features;
using AiDeals.Core.Features.Accounts;
using AiDeals.Core.Features.Deals;
using AiDeals.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static AiDeals.Core.Tests.Support.DealFixtures;

namespace AiDeals.Core.Tests;

/// <summary>
/// What a save writes to the log: an ordinary conflict (someone saved first) is an expected outcome and logs no error;
/// a save the database itself refuses is logged as an error.
/// </summary>
public class SaveLoggingTests
{
    private static readonly Actor Ann = Actor.Create("ann@aideals.test", Roles.Analyst);
    private static readonly Actor Bob = Actor.Create("bob@aideals.test", Roles.Analyst);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RunAsync_SomeoneSavesBetweenLoadAndSave_IsAConflictThatLogsNoWarningOrError()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        var log = new LogCapture();
        var race = new SaveWhileLoading();
        await using var services = Services(database, log, race);
        var commands = services.GetRequiredService<CommandRunner>();
        var annsForm = await FormOfAsync(database, Equity);
        var bobsForm = await FormOfAsync(database, Equity);
        annsForm.Notes = "Ann's reading.";
        bobsForm.Notes = "Bob's reading.";

        // Ann's save lands after Bob's command has read the deal and before it writes: the version check in the UPDATE
        // itself is what catches it (DbUpdateConcurrencyException), the race the runner turns into a conflict.
        race.Arm(() => commands.RunAsync(Ann, new UpdateDeal(annsForm), Token));
        var result = await commands.RunAsync(Bob, new UpdateDeal(bobsForm), Token);

        Assert.Equal(CommandOutcome.Saved, race.Result?.Outcome);
        Assert.Equal(CommandOutcome.Conflict, result.Outcome);
        Assert.Equal("ann@aideals.test", result.Conflict!.ChangedBy);
        Assert.Contains(log.Records, r => r.EventName?.EndsWith("OptimisticConcurrencyException", StringComparison.Ordinal) == true);
        Assert.Empty(log.AtLeast(LogLevel.Warning));
        Assert.Equal("Ann's reading.", (await database.DealForms.GetFormAsync(bobsForm.Id, Token))!.Notes);

        // The failed save left no transaction or lock behind: Bob's next save, on the current version, goes through.
        bobsForm.Version = result.Conflict.CurrentVersion;
        Assert.Equal(CommandOutcome.Saved, (await commands.RunAsync(Bob, new UpdateDeal(bobsForm), Token)).Outcome);
        Assert.Equal("Bob's reading.", (await database.DealForms.GetFormAsync(bobsForm.Id, Token))!.Notes);
    }

    [Fact]
    public async Task RunAsync_DatabaseRefusesTheWrite_LogsAnErrorAndThrows()
    {
        await using var database = await TestDatabase.CreateSeededAsync();
        await PlantedTrigger.RefuseAsync(database, "refuse_deal_updates", "UPDATE", "Deals", "the disk is full");

        var log = new LogCapture();
        await using var services = Services(database, log);
        var form = await FormOfAsync(database, Equity);
        form.Notes = "A change the database will refuse.";

        await Assert.ThrowsAsync<DbUpdateException>(
            () => services.GetRequiredService<CommandRunner>().RunAsync(Ann, new UpdateDeal(form), Token));

        Assert.Contains(log.AtLeast(LogLevel.Error), r => r.Message.Contains("the disk is full", StringComparison.Ordinal));
    }

    // The app's wiring with every log entry kept, as Serilog receives them in the app.
    private static ServiceProvider Services(TestDatabase database, LogCapture log, SaveWhileLoading? race = null)
    {
        var services = new ServiceCollection()
            .AddLogging(logging => logging.AddProvider(log).SetMinimumLevel(LogLevel.Debug))
            .AddAiDealsCore(database.Settings);
        if (race is not null)
        {
            services.ConfigureDbContext<AiDealsDbContext>(options => options.AddInterceptors(race));
        }

        return services.BuildServiceProvider();
    }

    /// <summary>Once armed, runs another save right after the next query that reads deals has run.</summary>
    private sealed class SaveWhileLoading : DbCommandInterceptor
    {
        private Func<Task<CommandResult>>? _save;

        public CommandResult? Result { get; private set; }

        public void Arm(Func<Task<CommandResult>> save) => _save = save;

        public override async ValueTask<System.Data.Common.DbDataReader> ReaderExecutedAsync(
            System.Data.Common.DbCommand command, CommandExecutedEventData eventData, System.Data.Common.DbDataReader result, CancellationToken cancellationToken = default)
        {
            if (_save is { } save && command.CommandText.Contains("FROM \"Deals\"", StringComparison.Ordinal))
            {
                _save = null;
                Result = await save();
            }

            return result;
        }
    }
}
