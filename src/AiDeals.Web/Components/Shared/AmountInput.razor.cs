using System.Globalization;
using AiDeals.Core.Domain;
using AiDeals.Core.Features.Intake;
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

    /// <summary>The currency the figure is in (ISO 4217); US dollars unless told.</summary>
    [Parameter]
    public string Currency { get; set; } = Currencies.Usd;

    /// <summary>
    /// Set where the field takes a currency or a range ("€600M", "$15–25B"): such text comes here whole, for the owner
    /// to set the currency and the figures; a plain figure still comes through <see cref="ValueChanged"/>.
    /// </summary>
    [Parameter]
    public EventCallback<MoneyEntry> EntryChanged { get; set; }

    protected override string UnreadableMessage => AmountText.UnreadableMessage;

    private string Symbol => Currencies.Symbol(Currency);

    private string? Helper => Value is { } units
        ? "= " + Symbol + (Symbol.Length > 1 ? " " : string.Empty) + units.ToString("N0", CultureInfo.InvariantCulture)
        : EntryChanged.HasDelegate ? "e.g. 15B, €600M, 600M EUR, $15–25B" : "e.g. 15B, 2.5M";

    protected override void OnParametersSet()
    {
        base.OnParametersSet();

        // A value set from outside (a reload, a qualifier that clears it) replaces what was typed.
        if (Value != _shown || (Text is null && Value is not null))
        {
            _shown = Value;
            Text = Value is { } units ? AmountText.Editable(units) : null;
            SetUnreadable(false);
        }
    }

    private async Task OnTextChangedAsync(string? text)
    {
        Text = text;
        long? value = null;
        if (!string.IsNullOrWhiteSpace(text))
        {
            if (EntryChanged.HasDelegate)
            {
                if (!AmountText.TryParseEntry(text, out var entry, out var unread))
                {
                    SetUnreadable(unread);
                    return;
                }

                if (entry.Currency is not null || entry.High is not null)
                {
                    SetUnreadable(null);
                    _shown = entry.Low;
                    Text = AmountText.Editable(entry.Low);
                    await EntryChanged.InvokeAsync(entry);
                    NotifyFieldChanged();
                    return;
                }

                value = entry.Low;
            }
            else if (!AmountText.TryParse(text, out var dollars, out var problem))
            {
                SetUnreadable(problem);
                return;
            }
            else
            {
                value = dollars;
            }
        }

        SetUnreadable(null);
        _shown = value;
        await ValueChanged.InvokeAsync(value);
        NotifyFieldChanged();
    }
}
