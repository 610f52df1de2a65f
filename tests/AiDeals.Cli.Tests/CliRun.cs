using Microsoft.Data.Sqlite;

namespace AiDeals.Cli.Tests;

/// <summary>One run of the command line in this process, as a shell would see it: the exit code, stdout and stderr.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static Task<CliRun> RunAsync(params string[] args) => RunWithInputAsync(string.Empty, args);

    /// <summary>A run whose standard input holds <paramref name="input"/>.</summary>
    public static async Task<CliRun> RunWithInputAsync(string input, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var reader = new StringReader(input);
        var exitCode = await CliApp.RunAsync(args, output, error, TestContext.Current.CancellationToken, reader);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }
}

/// <summary>A temp folder for a test's database files, deleted afterwards.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "aideals-cli-tests", Guid.NewGuid().ToString("N"));

    /// <summary>The one value a SQL query returns from a database file.</summary>
    public static long Scalar(string databasePath, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Runs one SQL statement on a database file, creating its folder.</summary>
    public static void Execute(string databasePath, string sql)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(databasePath)!);
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
