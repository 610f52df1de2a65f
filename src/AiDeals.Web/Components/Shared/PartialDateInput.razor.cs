using System.Linq.Expressions;
using AiDeals.Core.Domain;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace AiDeals.Web.Components.Shared;

public partial class PartialDateInput : IDisposable
{
    private const string Unreadable = "Write the date as 2025-01-27, 2025-01, 2024-Q4 or 2019.";

    private string? _text;
    private PartialDate? _shown;
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
    public DateOnly? Date { get; set; }

    [Parameter]
    public EventCallback<DateOnly?> DateChanged { get; set; }

    [Parameter]
    public DatePrecision Precision { get; set; }

    [Parameter]
    public EventCallback<DatePrecision> PrecisionChanged { get; set; }

    /// <summary>The model's date property, whose validation messages this field shows.</summary>
    [Parameter, EditorRequired]
    public Expression<Func<DateOnly?>> For { get; set; } = default!;

    [CascadingParameter]
    private EditContext? CurrentEditContext { get; set; }

    private FieldIdentifier Field => FieldIdentifier.Create(For);

    private PartialDate? Current => Date is { } date && Enum.IsDefined(Precision) ? PartialDate.Create(date, Precision) : null;

    private string? Message => _unreadable ? Unreadable : _context?.GetValidationMessages(Field).FirstOrDefault();

    private string Helper => Current is { } date ? $"{date} · known to the {date.Precision.ToString().ToLowerInvariant()}" : "2025-01-27, 2025-01, 2024-Q4 or 2019";

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

        if (Current != _shown || (_text is null && Current is not null))
        {
            _shown = Current;
            _text = Current?.ToIsoString();
            SetUnreadable(false);
        }
    }

    private async Task OnTextChangedAsync(string? text)
    {
        _text = text;
        PartialDate? value = null;
        if (!string.IsNullOrWhiteSpace(text))
        {
            if (!PartialDate.TryParse(text, out var date) || date.Date.Year is < 1800 or > 2200)
            {
                SetUnreadable(true);
                return;
            }

            value = date;
        }

        SetUnreadable(false);
        _shown = value;
        await DateChanged.InvokeAsync(value?.Date);
        await PrecisionChanged.InvokeAsync(value?.Precision ?? DatePrecision.Day);
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
