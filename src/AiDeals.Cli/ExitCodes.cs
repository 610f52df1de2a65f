namespace AiDeals.Cli;

/// <summary>What the command line's exit code tells a script.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what it was asked.</summary>
    public const int Ok = 0;

    /// <summary>
    /// The command was understood but its input cannot be used (a file it cannot read, a backup that fails its check, a
    /// user the rules refuse, a database that already holds deals); stderr says why in one line.
    /// </summary>
    public const int Failure = 1;

    /// <summary>The command line itself is wrong: an unknown command or option, a missing or malformed value.</summary>
    public const int Usage = 2;

    /// <summary>
    /// The database cannot be used: there is none, it is not an AiDeals database, SQLite refuses it, or it is busy with
    /// another writer (the app saving) longer than the command waits.
    /// </summary>
    public const int Database = 3;
}
