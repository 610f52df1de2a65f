using System.CommandLine;

namespace AiDeals.Cli.Features.Database;

/// <summary>
/// <c>migrate</c>: creates the database when there is none and applies the migrations it lacks; loads no data (see
/// <c>seed</c>). What the web app does at start, for an operator who upgrades before starting it.
/// </summary>
internal static class MigrateCommand
{
    public static Command Create()
    {
        var command = new Command("migrate", "Create the database or bring it to the current schema (no data is loaded).");
        command.SetAction(RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var output = parseResult.InvocationConfiguration.Output;
        await using var database = CliDatabase.Open(parseResult);
        var applied = await database.MigrateAsync(cancellationToken);
        var what = applied.Count switch
        {
            0 => "is up to date: no migration to apply.",
            1 => $"applied 1 migration: {applied[0]}.",
            _ => $"applied {applied.Count} migrations: {string.Join(", ", applied)}.",
        };
        await output.WriteLineAsync(database.Existed ? $"Database {database.DataSource} {what}" : $"Database {database.DataSource} created; {what}");
        return ExitCodes.Ok;
    }
}
