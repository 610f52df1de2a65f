namespace AiDeals.Cli;

/// <summary>An expected reason a command cannot go on, told to the operator as one line on stderr with exit code 1.</summary>
internal sealed class CliFailure(string message) : Exception(message);
