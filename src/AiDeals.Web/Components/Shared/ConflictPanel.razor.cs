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

    private ElementReference _heading;
    private ConflictInfo? _focusedFor;

    /// <summary>The conflict the save returned.</summary>
    [Parameter, EditorRequired]
    public ConflictInfo Conflict { get; set; } = default!;

    /// <summary>The analyst's form as text, by property name, formatted as <c>Conflicts.Values</c> formats theirs.</summary>
    [Parameter, EditorRequired]
    public IReadOnlyDictionary<string, string?> Yours { get; set; } = new Dictionary<string, string?>();

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

    [Parameter]
    public EventCallback OnSaveMine { get; set; }

    /// <summary>A save or a reload is on its way: the buttons wait for it.</summary>
    [Parameter]
    public bool Busy { get; set; }

    private string Who => string.IsNullOrWhiteSpace(Conflict.ChangedBy) ? "Another user" : Conflict.ChangedBy;

    private int DifferingCount => Rows().Count(r => r.Differs);

    private IEnumerable<ConflictRow> Rows()
    {
        var names = (FieldLabels?.Keys ?? []).Concat(Conflict.Theirs.Keys).Concat(Yours.Keys).Distinct(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var theirs = Conflict.Theirs.GetValueOrDefault(name);
            var yours = Yours.GetValueOrDefault(name);
            if (theirs is null && yours is null)
            {
                continue;
            }

            var differs = !string.Equals(theirs, yours, StringComparison.Ordinal);
            var (theirsText, yoursText) = (Format(name, theirs), Format(name, yours));
            if (differs && theirsText == yoursText && MoneyFields.Contains(name))
            {
                // "$15B" and "$15B" that differ by a few dollars: show the whole figures so the difference is visible.
                (theirsText, yoursText) = (Exact(theirs), Exact(yours));
            }

            var label = FieldLabels is not null && FieldLabels.TryGetValue(name, out var given) ? given : ChangeText.Field(name);
            yield return new ConflictRow(name, label, theirsText, yoursText, differs);
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

    private string Format(string name, string? value) => FormatValue?.Invoke(name, value) ?? ChangeText.Value(name, value);

    private static string Exact(string? value) =>
        long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var dollars)
            ? "$" + dollars.ToString("N0", CultureInfo.InvariantCulture)
            : value ?? "—";

    private sealed record ConflictRow(string Field, string Label, string Theirs, string Yours, bool Differs);
}
