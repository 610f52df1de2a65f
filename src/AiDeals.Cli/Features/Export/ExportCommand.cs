using System.CommandLine;
using System.Globalization;
using AiDeals.Core.Features.Deals;
using AiDeals.Core.Features.Export;
using Microsoft.Extensions.DependencyInjection;

namespace AiDeals.Cli.Features.Export;

/// <summary>
/// <c>export FILE [--format dealbook|csv]</c>: writes the whole database as a deal book (the JSON import reads back) or
/// its deals as the deal list's CSV. The file is written beside its final name and moved over it once complete.
/// </summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The file to write (replaced if it exists)." };
        var format = new Option<string>("--format")
        {
            Description = "dealbook (JSON with organizations, sources, quotes, valuations, market events) or csv (the deals).",
            DefaultValueFactory = _ => "dealbook",
        };
        format.AcceptOnlyFromAmong("dealbook", "csv");
        var command = new Command("export", "Export the database as a deal book, or its deals as CSV.") { file, format };
        command.SetAction((parseResult, cancellationToken) => RunAsync(parseResult, parseResult.GetValue(file)!, parseResult.GetValue(format)!, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parseResult, FileInfo file, string format, CancellationToken cancellationToken)
    {
        var output = parseResult.InvocationConfiguration.Output;
        if (file.Directory is { Exists: false } folder)
        {
            throw new CliFailure($"There is no folder {folder.FullName} to write {file.Name} in.");
        }

        await using var database = CliDatabase.Open(parseResult);
        if (!database.Existed)
        {
            throw CliFailure.Database($"There is no database at {database.DataSource} to export.");
        }

        await database.MigrateAsync(cancellationToken);
        var partial = file.FullName + ".partial";
        await using (var stream = File.Create(partial))
        {
            if (format == "csv")
            {
                var deals = database.Services.GetRequiredService<DealQueries>();
                await DealCsvWriter.WriteAsync(stream, deals.ExportAsync(new DealFilter(), cancellationToken), cancellationToken);
            }
            else
            {
                await database.Services.GetRequiredService<DealBookExporter>().WriteAllAsync(stream, cancellationToken);
            }
        }

        File.Move(partial, file.FullName, overwrite: true);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Exported {database.DataSource} to {file.FullName} ({(format == "csv" ? "deals CSV" : "deal book")}, {new FileInfo(file.FullName).Length / 1024d:N0} KB)."));
        return ExitCodes.Ok;
    }
}
