using System.Globalization;
using AiDeals.Core.Features;
using AiDeals.Web.Features.History;
using Microsoft.AspNetCore.Components;

namespace AiDeals.Web.Components.Shared;

public partial class ConflictPanel
{
    private static readonly HashSet<string> MoneyFields = new(StringComparer.Ordinal)
    {
        "AmountLow", "AmountHigh", "CommitmentLow", "CommitmentHigh", "Amount",
    };

    // The analyst's answer for each field both changed: true keeps the analyst's value, false theirs.
    private readonly Dictionary<string, bool> _keepsMine = new(StringComparer.Ordinal);
    private ElementReference _heading;
    private ConflictInfo? _focusedFor;
    private ConflictInfo? _answeredFor;

    /// <summary>The conflict the save returned.</summary>
    [Parameter, EditorRequired]
    public ConflictInfo Conflict { get; set; } = default!;

    /// <summary>The analyst's form as text, by property name, formatted as <c>Conflicts.Values</c> formats theirs.</summary>
    [Parameter, EditorRequired]
    public IReadOnlyDictionary<string, string?> Yours { get; set; } = new Dictionary<string, string?>();

    /// <summary>The form as it was loaded, in the same format: who changed what. Without it every differing field asks.</summary>
    [Parameter]
    public IReadOnlyDictionary<string, string?>? Loaded { get; set; }

    /// <summary>What to call each field, in the order to show them; fields not named here follow, named from their property.</summary>
    [Parameter]
    public IReadOnlyDictionary<string, string>? FieldLabels { get; set; }

    /// <summary>A field's value for people; by default as the history shows it ("$15B", "In talks"), "—" for none.</summary>
    [Parameter]
    public Func<string, string?, string>? FormatValue { get; set; }

    /// <summary>"deal", "organization": the record in the heading.</summary>
    [Parameter]
    public string RecordName { get; set; } = "record";

    [Parameter]
    public EventCallback OnReload { get; set; }

    /// <summary>"Save merged", with the analyst's answer for each field both changed: true keeps the analyst's value.</summary>
    [Parameter]
    public EventCallback<IReadOnlyDictionary<string, bool>> OnSaveMerged { get; set; }

    /// <summary>A save or a reload is on its way: the buttons wait for it.</summary>
    [Parameter]
    public bool Busy { get; set; }

    private string Who => string.IsNullOrWhiteSpace(Conflict.ChangedBy) ? "Another user" : Conflict.ChangedBy;

    private IReadOnlyList<FieldMerge> Merges => ConflictMerge.Compare(Loaded, Yours, Conflict.Theirs);

    private int DifferingCount => Rows().Count(r => r.Differs);

    private int Unanswered => Merges.Count(m => m.Choice == MergeChoice.Ask && !_keepsMine.ContainsKey(m.Field));

    /// <summary>What a merged save does, in a sentence per kind of field: "One field only they changed: theirs stays."</summary>
    private string Plan
    {
        get
        {
            var merges = Merges;
            int Count(MergeChoice choice) => merges.Count(m => m.Choice == choice);
            var sentences = new List<string>();
            if (Count(MergeChoice.Theirs) is > 0 and var theirs)
            {
                sentences.Add($"{Fields(theirs)} only they changed: theirs stays.");
            }

            if (Count(MergeChoice.Mine) is > 0 and var mine)
            {
                sentences.Add($"{Fields(mine)} only you changed: yours is saved.");
            }

            if (Count(MergeChoice.Ask) is > 0 and var both)
            {
                sentences.Add($"You both changed {Fields(both).ToLowerInvariant()}: choose whose value to keep.");
            }

            return string.Join(' ', sentences);
        }
    }

    protected override void OnParametersSet()
    {
        // A new conflict asks afresh.
        if (!ReferenceEquals(_answeredFor, Conflict))
        {
            _answeredFor = Conflict;
            _keepsMine.Clear();
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        // A new conflict takes the focus, so keyboard and screen-reader users learn of it where they are.
        if (!ReferenceEquals(_focusedFor, Conflict))
        {
            _focusedFor = Conflict;
            await _heading.FocusAsync();
        }
    }

    private IEnumerable<ConflictRow> Rows()
    {
        var merges = Merges.ToDictionary(m => m.Field, StringComparer.Ordinal);
        var names = (FieldLabels?.Keys ?? []).Concat(merges.Keys).Distinct(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (!merges.TryGetValue(name, out var merge) || (merge.Theirs is null && merge.Mine is null))
            {
                continue;
            }

            var differs = !string.Equals(merge.Theirs, merge.Mine, StringComparison.Ordinal);
            var (theirsText, yoursText) = (Format(name, merge.Theirs), Format(name, merge.Mine));
            if (differs && theirsText == yoursText && MoneyFields.Contains(name))
            {
                // "$15B" and "$15B" that differ by a few dollars: show the whole figures so the difference is visible.
                (theirsText, yoursText) = (Exact(merge.Theirs), Exact(merge.Mine));
            }

            var label = FieldLabels is not null && FieldLabels.TryGetValue(name, out var given) ? given : ChangeText.Field(name);
            yield return new ConflictRow(name, label, theirsText, yoursText, differs, merge.Choice);
        }
    }

    private bool? KeepsMine(string field) => _keepsMine.TryGetValue(field, out var mine) ? mine : null;

    private void Choose(string field, bool mine) => _keepsMine[field] = mine;

    private Task SaveMergedAsync() => OnSaveMerged.InvokeAsync(new Dictionary<string, bool>(_keepsMine, StringComparer.Ordinal));

    private static string KeepText(MergeChoice choice) => choice switch
    {
        MergeChoice.Theirs => "Theirs (only they changed it)",
        MergeChoice.Mine => "Yours (only you changed it)",
        MergeChoice.Same => "The same change",
        _ => "Unchanged",
    };

    private static string Fields(int count) => count == 1 ? "One field" : $"{count} fields";

    private string Format(string name, string? value) => FormatValue?.Invoke(name, value) ?? ChangeText.Value(name, value);

    private static string Exact(string? value) =>
        long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var dollars)
            ? "$" + dollars.ToString("N0", CultureInfo.InvariantCulture)
            : value ?? "—";

    private sealed record ConflictRow(string Field, string Label, string Theirs, string Yours, bool Differs, MergeChoice Choice);
}
