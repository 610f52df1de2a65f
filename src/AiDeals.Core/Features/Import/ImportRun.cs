using System.Globalization;
using AiDeals.Core.Domain;

namespace AiDeals.Core.Features.Import;

/// <summary>
/// One import through the command runner: the commands of the file's entries, read one at a time as the batch runs
/// (a deal's command is made once its organizations have their ids), and what each entry came to. An entry that would
/// change nothing makes no command at all.
/// </summary>
internal sealed partial class ImportRun(ImportSource source, ImportLookup lookup, ImportOptions options, IProgress<ImportProgress>? progress)
{
    private readonly Dictionary<string, int> _organizations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _sources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _deals = new(StringComparer.Ordinal);
    private readonly List<Entry> _entries = [];
    private readonly Dictionary<(object Section, string Key), string> _keys = [];
    private readonly Dictionary<Command, Pending> _pending = [];
    private int _done;

    public List<ImportProblem> Problems { get; } = [.. source.Problems];

    public bool StoppedAtMaxErrors { get; private set; }

    private int Total => source.Entries;

    private bool Full => Problems.Count >= options.MaxErrors;

    /// <summary>Every entry's command, in the order that lets each name what came before: sources, organizations, deals, the rest.</summary>
    public IEnumerable<Command> Commands()
    {
        // Each section is saved before the next, whose commands name the records it created by their ids.
        var save = CommandBatch.SaveHere;
        var steps = SourceSteps().Append(save).Concat(OrganizationSteps()).Append(save).Concat(DealSteps()).Append(save)
            .Concat(ValuationSteps()).Append(save).Concat(MarketEventSteps()).Append(save);
        foreach (var command in steps)
        {
            if (Full && !ReferenceEquals(command, save))
            {
                break;
            }

            yield return command;
        }

        StoppedAtMaxErrors = Full && (_done < Total || Problems.Count > options.MaxErrors);
        progress?.Report(new ImportProgress(Total, Total));
    }

    /// <summary>Hears each command's outcome from the runner: the id an entry got, or its problems at their place in the file.</summary>
    public void OnResult(Command command, CommandResult result)
    {
        if (!_pending.Remove(command, out var pending))
        {
            throw new InvalidOperationException("A result came for no command of this import.");
        }

        var (entry, version, pathOf, saved, addsToEntry) = pending;
        if (result is { IsSaved: true, Id: { } id })
        {
            saved?.Invoke(id);
            if (entry.Kind == RecordKind.Deal && result.Version is { } savedVersion)
            {
                _versions[entry] = savedVersion;
            }
            entry.Action = (entry.Action, version, addsToEntry) switch
            {
                (ImportAction.Error, _, _) => ImportAction.Error,
                (ImportAction.Unchanged, _, true) => ImportAction.Update,
                (_, _, true) => entry.Action,
                (_, null, _) => ImportAction.Create,
                _ => result.Version != version ? ImportAction.Update : entry.Action,
            };
            return;
        }

        entry.Action = ImportAction.Error;
        switch (result.Outcome)
        {
            case CommandOutcome.Invalid:
                foreach (var (field, messages) in result.Errors)
                {
                    Problems.AddRange(messages.Select(m => source.At(entry.Path + pathOf(field), m)));
                }

                break;
            case CommandOutcome.Conflict:
                Problems.Add(source.At(entry.Path, $"Changed by {result.Conflict?.ChangedBy ?? "someone"} while this import ran: preview the file again."));
                break;
            case CommandOutcome.NotFound:
                Problems.Add(source.At(entry.Path, "Deleted while this import ran: preview the file again."));
                break;
            default:
                Problems.Add(source.At(entry.Path, "Only analysts may import."));
                break;
        }
    }

    public (ImportCounts Counts, List<ImportItem> Items) Outcome()
    {
        int Count(ImportAction action) => _entries.Count(e => e.Action == action);
        var items = _entries.Take(options.MaxListedItems)
            .Select(e => new ImportItem(source.At(e.Path, string.Empty).Line, e.Kind, e.Name, e.Action)).ToList();
        return (new ImportCounts(Count(ImportAction.Create), Count(ImportAction.Update), Count(ImportAction.Unchanged), Count(ImportAction.Error) + source.Problems.Count), items);
    }

    private Entry Begin(RecordKind kind, string path, string? name)
    {
        var entry = new Entry(kind, path, string.IsNullOrWhiteSpace(name) ? "(no name)" : name.Trim());
        _entries.Add(entry);
        _done++;
        var every = Math.Max(1, Total / 200);
        if (_done % every == 0)
        {
            progress?.Report(new ImportProgress(Math.Min(_done, Total), Total));
        }

        return entry;
    }

    /// <summary>The entry's own command: a create (no version) or an update of the stored row at its version.</summary>
    private Command Run(Entry entry, Command command, int? version, Func<string, string> pathOf, Action<int>? saved = null)
    {
        _pending[command] = new Pending(entry, version, pathOf, saved, AddsToEntry: false);
        return command;
    }

    /// <summary>A command that adds to the entry (a quote of an organization): a stored entry it changes is updated.</summary>
    private Command Add(Entry entry, Command command, Func<string, string> pathOf)
    {
        _pending[command] = new Pending(entry, null, pathOf, null, AddsToEntry: true);
        return command;
    }

    /// <summary>A problem the entry has before any command runs (a name that matches nothing): the entry is an error.</summary>
    private void Fail(Entry entry, string path, string message)
    {
        entry.Action = ImportAction.Error;
        Problems.Add(source.At(path, message));
    }

    private long LineOf(string path) => source.At(path, string.Empty).Line;

    private int? OrganizationId(string? reference) =>
        reference is null ? null : _organizations.TryGetValue(reference, out var id) ? id : lookup.Organization(reference);

    private static string Path(string section, int index) => string.Create(CultureInfo.InvariantCulture, $"$.{section}[{index}]");

    private static string Camel(string field) => field.Length == 0 ? field : "." + char.ToLowerInvariant(field[0]) + field[1..];

    private sealed class Entry(RecordKind kind, string path, string name)
    {
        public RecordKind Kind { get; } = kind;

        public string Path { get; } = path;

        public string Name { get; } = name;

        public ImportAction Action { get; set; } = ImportAction.Unchanged;
    }

    private sealed record Pending(Entry Entry, int? Version, Func<string, string> PathOf, Action<int>? Saved, bool AddsToEntry);
}
