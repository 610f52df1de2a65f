using System.CommandLine;
using System.Globalization;
using AiDeals.Core.Data.Seeding;
using Microsoft.Extensions.DependencyInjection;

namespace AiDeals.Cli.Features.Database;

/// <summary>
/// <c>seed [--file PATH]</c>: loads a deal book (by default the article's, shipped beside the command line) into a
/// database that holds no deal, migrating it first. The book is checked whole before anything is written.
/// </summary>
internal static class SeedCommand
{
    public static Command Create()
    {
        var file = new Option<FileInfo>("--file")
        {
            Description = "The deal book to load (default: the article's, seed-data/dealbook.json).",
            HelpName = "path",
        };
        var command = new Command("seed", "Load the article's deal book (or another) into a database that holds no deal.") { file };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            parseResult, parseResult.GetValue(file)?.FullName ?? Path.Combine(AppContext.BaseDirectory, "seed-data", "dealbook.json"), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parseResult, string book, CancellationToken cancellationToken)
    {
        var output = parseResult.InvocationConfiguration.Output;
        if (!File.Exists(book))
        {
            throw new CliFailure($"There is no deal book at {book}.");
        }

        await using var database = CliDatabase.Open(parseResult);
        await database.MigrateAsync(cancellationToken);
        var generator = database.Services.GetRequiredService<SyntheticDataGenerator>();
        var existing = await generator.CountDealsAsync(cancellationToken);
        if (existing > 0)
        {
            throw new CliFailure(string.Create(CultureInfo.InvariantCulture,
                $"{database.DataSource} already holds {existing:N0} deals: seed loads a deal book into a database without deals (use 'aideals import' to add to one)."));
        }

        DealBookLoadResult result;
        try
        {
            result = await database.Services.GetRequiredService<DealBookLoader>().LoadAsync(book, cancellationToken);
        }
        catch (DealBookException exception)
        {
            throw new CliFailure(exception.Message);
        }

        await database.AnnounceChangeAsync(cancellationToken);

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Seeded {database.DataSource} from {Path.GetFileName(book)}: {result.Organizations} organizations, {result.Deals} deals, {result.Valuations} valuations, {result.MarketEvents} market events."));
        return ExitCodes.Ok;
    }
}
