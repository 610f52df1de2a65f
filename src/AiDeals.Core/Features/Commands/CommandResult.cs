namespace AiDeals.Core.Features;

public enum CommandOutcome
{
    Saved,
    Invalid,
    Conflict,
    NotFound,
    Forbidden,
}

/// <summary>
/// Someone else saved the record since the form was loaded: who, when, and the record's values now, by field name
/// (the same names as the form's properties), so the form can show theirs beside yours.
/// </summary>
public sealed record ConflictInfo(string? ChangedBy, DateTime? ChangedAtUtc, int CurrentVersion, IReadOnlyDictionary<string, string?> Theirs)
{
    /// <summary>
    /// The record as saved now, as a form of the command's kind: a merge takes the fields only they changed from it
    /// (<see cref="ConflictMerge.Apply"/>). Not part of what the conflict says to people or to API callers.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IEditForm? TheirsForm { get; init; }
}

/// <summary>
/// What a command did. Expected outcomes (bad input, a concurrent save, a missing record, a refused caller) are
/// results, not exceptions, so every caller of the runner (the editors today; the API and import next) handles them alike.
/// </summary>
public sealed record CommandResult
{
    private CommandResult(CommandOutcome outcome) => Outcome = outcome;

    public CommandOutcome Outcome { get; }

    /// <summary>The saved record's id and new version (on <see cref="CommandOutcome.Saved"/>).</summary>
    public int? Id { get; private init; }

    public int? Version { get; private init; }

    /// <summary>Messages by field name; the empty key holds messages about the whole form.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; private init; } = new Dictionary<string, string[]>();

    public ConflictInfo? Conflict { get; private init; }

    public bool IsSaved => Outcome == CommandOutcome.Saved;

    public static CommandResult Forbidden { get; } = new(CommandOutcome.Forbidden);

    public static CommandResult NotFound { get; } = new(CommandOutcome.NotFound);

    public static CommandResult Saved(int id, int version) => new(CommandOutcome.Saved) { Id = id, Version = version };

    public static CommandResult Invalid(IReadOnlyDictionary<string, string[]> errors) => new(CommandOutcome.Invalid) { Errors = errors };

    public static CommandResult Invalid(string field, string message) => Invalid(new Dictionary<string, string[]> { [field] = [message] });

    public static CommandResult Conflicted(ConflictInfo conflict) => new(CommandOutcome.Conflict) { Conflict = conflict };
}
