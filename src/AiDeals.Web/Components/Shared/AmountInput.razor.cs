using System.Globalization;
using Microsoft.AspNetCore.Components;

namespace AiDeals.Web.Components.Shared;

public partial class AmountInput
{
    private long? _shown;

    [Parameter]
    public bool Disabled { get; set; }

    [Parameter]
    public long? Value { get; set; }

    [Parameter]
    public EventCallback<long?> ValueChanged { get; set; }

    protected override string UnreadableMessage => AmountText.UnreadableMessage;

    private string? Helper => Value is { } dollars ? "= $" + dollars.ToString("N0", CultureInfo.InvariantCulture) : "e.g. 15B, 2.5M";

    protected override void OnParametersSet()
    {
        base.OnParametersSet();

        // A value set from outside (a reload, a qualifier that clears it) replaces what was typed.
        if (Value != _shown || (Text is null && Value is not null))
        {
            _shown = Value;
            Text = Value is { } dollars ? AmountText.Editable(dollars) : null;
            SetUnreadable(false);
        }
    }

    private async Task OnTextChangedAsync(string? text)
    {
        Text = text;
        long? value = null;
        if (!string.IsNullOrWhiteSpace(text))
        {
            if (!AmountText.TryParse(text, out var dollars, out var problem))
            {
                SetUnreadable(problem);
                return;
            }

            value = dollars;
        }

        SetUnreadable(null);
        _shown = value;
        await ValueChanged.InvokeAsync(value);
        NotifyFieldChanged();
    }
}
