using System.CommandLine;
using AiDeals.Cli.Features.Accounts;
using AiDeals.Cli.Features.Backup;
using AiDeals.Cli.Features.Database;
using AiDeals.Cli.Features.Export;
using AiDeals.Cli.Features.Generate;
using AiDeals.Cli.Features.Import;
using AiDeals.Cli.Features.Rates;

namespace AiDeals.Cli;

/// <summary>The operators' command line: its commands, and how an outcome becomes an exit code and a line on stderr.</summary>
internal static class CliApp
{
    /// <summary>The root command with every command; each command is one class under Features/.</summary>
    public static RootCommand Build(TextReader input)
    {
        var root = new RootCommand("AiDeals operators' command line: database tasks without opening the app.");
        root.Options.Add(CliDatabase.Option);
        root.Options.Add(CliDatabase.ProviderOption);
        root.Options.Add(CliDatabase.ConnectionOption);
        root.Subcommands.Add(MigrateCommand.Create());
        root.Subcommands.Add(SeedCommand.Create());
        root.Subcommands.Add(BackupCommand.Create());
        root.Subcommands.Add(RestoreCommand.Create());
        root.Subcommands.Add(CreateUserCommand.Create(input));
        root.Subcommands.Add(GenerateCommand.Create());
        root.Subcommands.Add(ImportCommand.Create());
        root.Subcommands.Add(ExportCommand.Create());
        root.Subcommands.Add(RatesCommand.Create());
        return root;
    }

    /// <summary>Parses and runs <paramref name="args"/>, writing to the given writers; returns the exit code (<see cref="ExitCodes"/>); <paramref name="input"/> is standard input (for --password-stdin).</summary>
    public static async Task<int> RunAsync(
        string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default, TextReader? input = null)
    {
        var parsed = Build(input ?? Console.In).Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var parseError in parsed.Errors)
            {
                await error.WriteLineAsync(parseError.Message);
            }

            await error.WriteLineAsync("Run 'aideals --help' for the commands and their options.");
            return ExitCodes.Usage;
        }

        try
        {
            var configuration = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
            return await parsed.InvokeAsync(configuration, cancellationToken);
        }
        catch (CliFailure failure)
        {
            await error.WriteLineAsync(failure.Message);
            return failure.ExitCode;
        }
        catch (System.Data.Common.DbException exception)
        {
            await error.WriteLineAsync($"The database refused: {exception.Message}");
            return ExitCodes.Database;
        }
        catch (OperationCanceledException)
        {
            await error.WriteLineAsync("Stopped before the end: what was committed before stays.");
            return ExitCodes.Failure;
        }
    }
}
