using System.Linq.Expressions;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace AiDeals.Web.Components.Shared;

/// <summary>
/// An input whose text people type and the component reads into the model's value (an amount, a partial date). Text it
/// cannot read is a message on the model's field, so the form does not submit until it is fixed; the field's own
/// messages (from DataAnnotations or a command) show in the same place.
/// </summary>
/// <typeparam name="TField">The type of the model property the input fills.</typeparam>
public abstract class ParsedInputBase<TField> : ComponentBase, IDisposable
{
    private string? _unreadable;
    private EditContext? _context;
    private ValidationMessageStore? _store;

    /// <summary>
    /// The longest text the box takes: far more than any amount or date needs, and short enough that a paste of a whole
    /// page into it stays a small message to the circuit.
    /// </summary>
    public const int MaxTextLength = 64;

    [Parameter]
    public string? Label { get; set; }

    [Parameter]
    public string? AriaLabel { get; set; }

    [Parameter]
    public string? TestId { get; set; }

    /// <summary>The model property, whose validation messages this field shows.</summary>
    [Parameter, EditorRequired]
    public Expression<Func<TField>> For { get; set; } = default!;

    [CascadingParameter]
    private EditContext? CurrentEditContext { get; set; }

    /// <summary>What the field says of text it cannot read: how to write a value.</summary>
    protected abstract string UnreadableMessage { get; }

    /// <summary>The text in the box.</summary>
    protected string? Text { get; set; }

    protected FieldIdentifier Field => FieldIdentifier.Create(For);

    protected string? Message => _unreadable ?? _context?.GetValidationMessages(Field).FirstOrDefault();

    public void Dispose()
    {
        Detach();
        GC.SuppressFinalize(this);
    }

    protected override void OnParametersSet()
    {
        if (!ReferenceEquals(CurrentEditContext, _context))
        {
            Detach();
            _context = CurrentEditContext;
            if (_context is not null)
            {
                _store = new ValidationMessageStore(_context);
                _context.OnValidationStateChanged += OnValidationStateChanged;
            }
        }
    }

    /// <summary>Puts or takes away the message that the typed text cannot be read.</summary>
    protected void SetUnreadable(bool unreadable) => SetUnreadable(unreadable ? UnreadableMessage : null);

    /// <summary>Puts the message that says why the typed text cannot be read (null takes it away).</summary>
    protected void SetUnreadable(string? message)
    {
        _unreadable = message;
        if (_store is null)
        {
            return;
        }

        _store.Clear();
        if (message is not null)
        {
            _store.Add(Field, message);
        }

        _context!.NotifyValidationStateChanged();
    }

    /// <summary>Tells the form the field changed, once the new value is on the model.</summary>
    protected void NotifyFieldChanged() => _context?.NotifyFieldChanged(Field);

    private void OnValidationStateChanged(object? sender, ValidationStateChangedEventArgs e) => InvokeAsync(StateHasChanged);

    private void Detach()
    {
        if (_context is not null)
        {
            _context.OnValidationStateChanged -= OnValidationStateChanged;
            _store?.Clear();
        }
    }
}
