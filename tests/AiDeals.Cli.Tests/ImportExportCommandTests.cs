namespace AiDeals.Cli.Tests;

/// <summary><c>aideals export</c> and <c>aideals import</c>: the round trip through files, a dry run, and what a bad file exits with.</summary>
public sealed class ImportExportCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task ExportImportExport_OfTheSeededDatabase_GivesTheSameFile_AndADryRunWritesNothing()
    {
        var (seeded, empty) = (Path.Combine(_folder.Path, "seeded.db"), Path.Combine(_folder.Path, "empty.db"));
        var (first, second) = (Path.Combine(_folder.Path, "first.json"), Path.Combine(_folder.Path, "second.json"));
        Assert.Equal(0, (await CliRun.RunAsync("seed", "--database", seeded)).ExitCode);
        Assert.Equal(0, (await CliRun.RunAsync("export", first, "--database", seeded)).ExitCode);

        var dryRun = await CliRun.RunAsync("import", first, "--dry-run", "--database", empty);
        Assert.Equal((0, string.Empty), (dryRun.ExitCode, dryRun.Error));
        Assert.Contains("Dry run: nothing was written.", dryRun.Output, StringComparison.Ordinal);
        Assert.Equal(0, TempFolder.Scalar(empty, "SELECT COUNT(*) FROM Deals") + TempFolder.Scalar(empty, "SELECT COUNT(*) FROM AuditEntries"));

        var import = await CliRun.RunAsync("import", first, "--database", empty);
        Assert.Equal((0, string.Empty), (import.ExitCode, import.Error));
        Assert.Equal(0, (await CliRun.RunAsync("export", second, "--database", empty)).ExitCode);

        Assert.Equal(TempFolder.Scalar(seeded, "SELECT COUNT(*) FROM Deals"), TempFolder.Scalar(empty, "SELECT COUNT(*) FROM Deals"));
        Assert.Equal(await File.ReadAllBytesAsync(first, TestContext.Current.CancellationToken), await File.ReadAllBytesAsync(second, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Import_OfACsvWithABadRow_ExitsWith1_SaysTheLine_AndWritesNothing()
    {
        var (database, csv) = (Path.Combine(_folder.Path, "deals.db"), Path.Combine(_folder.Path, "bad.csv"));
        Assert.Equal(0, (await CliRun.RunAsync("seed", "--database", database)).ExitCode);
        var before = TempFolder.Scalar(database, "SELECT COUNT(*) FROM Deals") + TempFolder.Scalar(database, "SELECT COUNT(*) FROM AuditEntries");
        await File.WriteAllTextAsync(csv, string.Join("\r\n",
            "Title,Target,Investors,Kind,Status,Amount low (USD),Amount high (USD),Amount qualifier,Announced,Announced precision",
            "Acme seed round,OpenAI,SoftBank Group,EquityInvestment,Announced,1000,2000,Range,2025-03-01,Month",
            "Acme second round,OpenAI,SoftBank Group,EquityInvestment,Announced,15B,2000,Range,2025-03-01,Month",
            string.Empty), TestContext.Current.CancellationToken);

        var run = await CliRun.RunAsync("import", csv, "--database", database);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("line 3, column 'Amount low (USD)'", run.Output, StringComparison.Ordinal);
        Assert.Contains("Nothing imported", run.Error, StringComparison.Ordinal);
        Assert.Equal(before, TempFolder.Scalar(database, "SELECT COUNT(*) FROM Deals") + TempFolder.Scalar(database, "SELECT COUNT(*) FROM AuditEntries"));
    }

    public void Dispose() => _folder.Dispose();
}
