using System.Runtime.InteropServices;
using AiDeals.Core.Data;
using AiDeals.Core.Features.Accounts;
using AiDeals.SaveBurst;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

// AiDeals.SaveBurst <database file> <deal book> <round>: opens the database as the app does (migrations, WAL, the deal
// book seeded into an empty file), then saves through the command runner until it is killed, writing one line per save
// to stdout only once the runner has reported it saved. The crash test kills it and checks that each line's save is there.
if (args.Length != 3 || !int.TryParse(args[2], out var round))
{
    await Console.Error.WriteLineAsync("usage: AiDeals.SaveBurst <database file> <deal book json> <round>");
    return 2;
}

// A graceful end would write this; the crash test checks that it never appears, i.e. that the kill was a SIGKILL.
using var terminated = PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => Console.Out.WriteLine(BurstLine.Terminated));
AppDomain.CurrentDomain.ProcessExit += (_, _) => Console.Out.WriteLine(BurstLine.Terminated);

var connectionString = new SqliteConnectionStringBuilder { DataSource = args[0] }.ToString();
DataServiceCollectionExtensions.EnsureDatabaseFolder(connectionString);
await using var services = new ServiceCollection()
    .AddLogging()
    .AddAiDealsCore(connectionString)
    .BuildServiceProvider();

// The model is built first (seconds of JIT), so that the opening line marks the start of the work on the file itself.
await using (var model = await services.GetRequiredService<IDbContextFactory<AiDealsDbContext>>().CreateDbContextAsync())
{
    _ = model.Model;
}

Console.Out.WriteLine(BurstLine.Opening);
await services.GetRequiredService<DatabaseInitializer>().InitializeAsync(args[1]);
Console.Out.WriteLine(BurstLine.Ready);

var analyst = Actor.Create(BurstLine.UserOf(round), Roles.Analyst);
await new Burst(services, analyst, round).RunAsync(Console.Out);
return 0;
