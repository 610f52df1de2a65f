namespace AiDeals.Cli;

/// <summary>
/// An expected reason a command cannot go on, told to the operator as one line on stderr with its exit code:
/// <see cref="ExitCodes.Failure"/> for the input, <see cref="ExitCodes.Database"/> for the database.
/// </summary>
internal sealed class CliFailure(string message, int exitCode = ExitCodes.Failure) : Exception(message)
{
    public int ExitCode { get; } = exitCode;

    /// <summary>A failure of the database rather than of the command's input.</summary>
    public static CliFailure Database(string message) => new(message, ExitCodes.Database);
}
