using System.Globalization;
using AiDeals.Core.Features;
using AiDeals.Core.Features.Rates;
using AiDeals.Web.Features.Accounts;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace AiDeals.Web.Features.Rates;

public sealed partial class RateEditorPanel
{
    private RateForm _form = new() { Currency = "EUR" };
    private string? _day;
    private IReadOnlyDictionary<string, string[]> _errors = new Dictionary<string, string[]>();
    private bool _saving;

    [Inject]
    private RateChanges Changes { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthState { get; set; }

    /// <summary>Heard with the currency once a rate is saved, for the page to show that currency's rates again.</summary>
    [Parameter]
    public EventCallback<string> Saved { get; set; }

    /// <summary>Loads a stored rate into the form.</summary>
    public void Edit(RateForm rate)
    {
        ArgumentNullException.ThrowIfNull(rate);
        _form = new RateForm { Id = rate.Id, Version = rate.Version, Currency = rate.Currency, On = rate.On, UnitsPerUsd = rate.UnitsPerUsd };
        _day = rate.On?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        _errors = new Dictionary<string, string[]>();
        StateHasChanged();
    }

    private void New()
    {
        _form = new RateForm { Currency = _form.Currency };
        (_day, _errors) = (null, new Dictionary<string, string[]>());
    }

    private string? ErrorOf(string field) => _errors.TryGetValue(field, out var messages) && messages.Length > 0 ? messages[0] : null;

    private void SetDay(string? text)
    {
        _day = text;
        _form.On = DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
        _errors = string.IsNullOrWhiteSpace(text) || _form.On is not null ? _errors
            : new Dictionary<string, string[]>(_errors) { [nameof(RateForm.On)] = ["Write the day as 2024-06-11."] };
    }

    private async Task SaveAsync()
    {
        _saving = true;
        try
        {
            var actor = await AuthState.GetActorAsync();
            Command command = _form.Id == 0 ? new CreateRate(_form) : new UpdateRate(_form);
            var on = _form.On ?? DateOnly.MinValue;
            var result = await Changes.SaveAsync(actor, command, _form.Currency, on);
            _errors = result.Rate.Errors;
            switch (result.Rate.Outcome)
            {
                case CommandOutcome.Saved:
                    Snackbar.Add($"Saved the {_form.Currency.ToUpperInvariant()} rate of {_form.On:yyyy-MM-dd}; {result.DealsConverted} deal(s) converted again.", Severity.Success);
                    var currency = _form.Currency.ToUpperInvariant();
                    New();
                    await Saved.InvokeAsync(currency);
                    break;
                case CommandOutcome.Conflict:
                    _errors = new Dictionary<string, string[]> { [string.Empty] = ["Someone changed this rate meanwhile: reload it from the table and try again."] };
                    break;
                case CommandOutcome.Forbidden:
                    _errors = new Dictionary<string, string[]> { [string.Empty] = ["Only admins can change rates; your role may have changed."] };
                    break;
                case CommandOutcome.NotFound:
                    _errors = new Dictionary<string, string[]> { [string.Empty] = ["This rate was deleted meanwhile."] };
                    break;
            }
        }
        finally
        {
            _saving = false;
        }
    }
}
