using System.Globalization;
using Microsoft.AspNetCore.Components;

namespace AiDeals.Web.Components.Shared;

public partial class YearInput
{
    private int? _shown;

    [Parameter]
    public int? Value { get; set; }

    [Parameter]
    public EventCallback<int?> ValueChanged { get; set; }

    protected override string UnreadableMessage => "Write the year in digits, such as 1993.";

    protected override void OnParametersSet()
    {
        base.OnParametersSet();

        // A value set from outside (a reload of theirs) replaces what was typed.
        if (Value != _shown || (Text is null && Value is not null))
        {
            _shown = Value;
            Text = Value?.ToString(CultureInfo.InvariantCulture);
            SetUnreadable(false);
        }
    }

    private async Task OnTextChangedAsync(string? text)
    {
        Text = text;
        int? value = null;
        if (!string.IsNullOrWhiteSpace(text))
        {
            // Digits only: no sign, no exponent, no separators, so "1e400" and "-5" are no years.
            if (!int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var year))
            {
                SetUnreadable(true);
                return;
            }

            value = year;
        }

        SetUnreadable(false);
        _shown = value;
        await ValueChanged.InvokeAsync(value);
        NotifyFieldChanged();
    }
}
