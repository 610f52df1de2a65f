using System.Linq.Expressions;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Components.Web;

namespace AiDeals.Web.Features.Organizations;

public partial class AliasEditor : IDisposable
{
    private string? _typed;
    private List<string>? _shown;
    private EditContext? _context;

    /// <summary>The form's aliases, changed in place.</summary>
    [Parameter, EditorRequired]
    public List<string> Aliases { get; set; } = [];

    /// <summary>The form's alias property, whose messages show here and whose changes the form hears of.</summary>
    [Parameter, EditorRequired]
    public Expression<Func<List<string>>> For { get; set; } = default!;

    [CascadingParameter]
    private EditContext? CurrentEditContext { get; set; }

    private IReadOnlyList<string> Errors => _context?.GetValidationMessages(FieldIdentifier.Create(For)).ToList() ?? [];

    protected override void OnParametersSet()
    {
        if (!ReferenceEquals(CurrentEditContext, _context))
        {
            Detach();
            _context = CurrentEditContext;
            if (_context is not null)
            {
                _context.OnValidationStateChanged += OnValidationStateChanged;
            }
        }

        // Another form (theirs, reloaded): what was typed for the old one goes.
        if (!ReferenceEquals(Aliases, _shown))
        {
            _shown = Aliases;
            _typed = null;
        }
    }

    /// <summary>Adds the alias in the box, if any: on Enter, on Add, and on a save, as a typed alias is surely meant to be kept.</summary>
    public void AddTyped()
    {
        if (string.IsNullOrWhiteSpace(_typed))
        {
            return;
        }

        var alias = _typed.Trim();
        if (!Aliases.Contains(alias, StringComparer.OrdinalIgnoreCase))
        {
            Aliases.Add(alias);
            _context?.NotifyFieldChanged(FieldIdentifier.Create(For));
        }

        _typed = null;
    }

    private void Remove(string alias)
    {
        Aliases.Remove(alias);
        _context?.NotifyFieldChanged(FieldIdentifier.Create(For));
    }

    private async Task OnKeyDownAsync(KeyboardEventArgs e)
    {
        if (e.Key == "Enter")
        {
            // Immediate binding has the typed text already; give the input a moment to report its last keystroke.
            await Task.Yield();
            AddTyped();
        }
    }

    private void OnValidationStateChanged(object? sender, ValidationStateChangedEventArgs e) => InvokeAsync(StateHasChanged);

    private void Detach()
    {
        if (_context is not null)
        {
            _context.OnValidationStateChanged -= OnValidationStateChanged;
        }
    }

    public void Dispose() => Detach();
}
