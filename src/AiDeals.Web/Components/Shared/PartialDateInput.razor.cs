using AiDeals.Core.Domain;
using Microsoft.AspNetCore.Components;

namespace AiDeals.Web.Components.Shared;

public partial class PartialDateInput
{
    private PartialDate? _shown;

    [Parameter]
    public DateOnly? Date { get; set; }

    [Parameter]
    public EventCallback<DateOnly?> DateChanged { get; set; }

    [Parameter]
    public DatePrecision Precision { get; set; }

    [Parameter]
    public EventCallback<DatePrecision> PrecisionChanged { get; set; }

    protected override string UnreadableMessage => "Write the date as 2025-01-27, 2025-01, 2024-Q4 or 2019.";

    private PartialDate? Current => Date is { } date && Enum.IsDefined(Precision) ? PartialDate.Create(date, Precision) : null;

    private string Helper => Current is { } date ? $"{date} · known to the {date.Precision.ToString().ToLowerInvariant()}" : "2025-01-27, 2025-01, 2024-Q4 or 2019";

    protected override void OnParametersSet()
    {
        base.OnParametersSet();
        if (Current != _shown || (Text is null && Current is not null))
        {
            _shown = Current;
            Text = Current?.ToIsoString();
            SetUnreadable(false);
        }
    }

    private async Task OnTextChangedAsync(string? text)
    {
        Text = text;
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
        NotifyFieldChanged();
    }
}
