using System.Globalization;
using System.Linq.Expressions;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace AiDeals.Web.Components.Shared;

public partial class AmountInput : IDisposable
{
    private const string Unreadable = "Write an amount such as 15B, 2.5M or 12,000,000.";

    private string? _text;
    private long? _shown;
    private bool _unreadable;
    private EditContext? _context;
    private ValidationMessageStore? _store;

    [Parameter]
    public string? Label { get; set; }

    [Parameter]
    public string? AriaLabel { get; set; }

    [Parameter]
    public string? TestId { get; set; }

    [Parameter]
    public bool Disabled { get; set; }

    [Parameter]
    public long? Value { get; set; }

    [Parameter]
    public EventCallback<long?> ValueChanged { get; set; }

    /// <summary>The model property, whose validation messages this field shows.</summary>
    [Parameter, EditorRequired]
    public Expression<Func<long?>> For { get; set; } = default!;

    [CascadingParameter]
    private EditContext? CurrentEditContext { get; set; }

    private FieldIdentifier Field => FieldIdentifier.Create(For);

    private string? Message => _unreadable ? Unreadable : _context?.GetValidationMessages(Field).FirstOrDefault();

    private string? Helper => Value is { } dollars ? "= $" + dollars.ToString("N0", CultureInfo.InvariantCulture) : "e.g. 15B, 2.5M";

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

        // A value set from outside (a reload, a qualifier that clears it) replaces what was typed.
        if (Value != _shown || (_text is null && Value is not null))
        {
            _shown = Value;
            _text = Value is { } dollars ? AmountText.Editable(dollars) : null;
            SetUnreadable(false);
        }
    }

    private async Task OnTextChangedAsync(string? text)
    {
        _text = text;
        long? value = null;
        if (!string.IsNullOrWhiteSpace(text))
        {
            if (!AmountText.TryParse(text, out var dollars))
            {
                SetUnreadable(true);
                return;
            }

            value = dollars;
        }

        SetUnreadable(false);
        _shown = value;
        await ValueChanged.InvokeAsync(value);
        _context?.NotifyFieldChanged(Field);
    }

    private void SetUnreadable(bool unreadable)
    {
        _unreadable = unreadable;
        if (_store is null)
        {
            return;
        }

        _store.Clear();
        if (unreadable)
        {
            _store.Add(Field, Unreadable);
        }

        _context!.NotifyValidationStateChanged();
    }

    private void OnValidationStateChanged(object? sender, ValidationStateChangedEventArgs e) => InvokeAsync(StateHasChanged);

    private void Detach()
    {
        if (_context is not null)
        {
            _context.OnValidationStateChanged -= OnValidationStateChanged;
            _store?.Clear();
        }
    }

    public void Dispose() => Detach();
}
