namespace AiDeals.Cli;

/// <summary>What the command line's exit code tells a script.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what it was asked.</summary>
    public const int Ok = 0;

    /// <summary>The command was understood but could not be done (a database it refuses, a file it cannot read); stderr says why in one line.</summary>
    public const int Failure = 1;

    /// <summary>The command line itself is wrong: an unknown command or option, a missing or malformed value.</summary>
    public const int Usage = 2;
}
