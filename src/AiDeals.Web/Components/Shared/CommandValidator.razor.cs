using System.Collections;
using AiDeals.Core.Features;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace AiDeals.Web.Components.Shared;

public partial class CommandValidator : IDisposable
{
    private readonly List<string> _formMessages = [];
    private EditContext? _context;
    private ValidationMessageStore? _store;

    [CascadingParameter]
    private EditContext? CurrentEditContext { get; set; }

    protected override void OnParametersSet()
    {
        if (ReferenceEquals(CurrentEditContext, _context))
        {
            return;
        }

        Detach();
        _context = CurrentEditContext ?? throw new InvalidOperationException($"{nameof(CommandValidator)} goes inside an EditForm.");
        _store = new ValidationMessageStore(_context);
        _context.OnFieldChanged += OnFieldChanged;
        _context.OnValidationRequested += OnValidationRequested;
    }

    /// <summary>Shows a command's messages by field name (<see cref="CommandResult.Errors"/>), replacing the previous ones.</summary>
    public void Show(IReadOnlyDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ClearMessages();
        foreach (var (key, messages) in errors)
        {
            if (key.Length > 0 && Resolve(_context!.Model, key) is { } field)
            {
                _store!.Add(field, messages);
            }
            else
            {
                _formMessages.AddRange(messages);
            }
        }

        _context!.NotifyValidationStateChanged();
        StateHasChanged();
    }

    /// <summary>Shows a message about the whole form (a refusal, a record deleted meanwhile).</summary>
    public void ShowFormMessage(string message) => Show(new Dictionary<string, string[]> { [string.Empty] = [message] });

    public void Clear()
    {
        ClearMessages();
        _context?.NotifyValidationStateChanged();
        StateHasChanged();
    }

    /// <summary>The field a key such as "Title" or "Citations[0].Quote" names in the model, or null when there is none.</summary>
    public static FieldIdentifier? Resolve(object model, string key)
    {
        var target = model;
        var parts = key.Split('.');
        for (var i = 0; i < parts.Length - 1; i++)
        {
            var part = parts[i];
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            var name = bracket < 0 ? part : part[..bracket];
            var value = target.GetType().GetProperty(name)?.GetValue(target);
            if (bracket >= 0)
            {
                var index = int.TryParse(part.AsSpan(bracket + 1, part.Length - bracket - 2), System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : -1;
                value = value is IList list && index >= 0 && index < list.Count ? list[index] : null;
            }

            if (value is null)
            {
                return null;
            }

            target = value;
        }

        var field = parts[^1];
        return target.GetType().GetProperty(field) is null ? null : new FieldIdentifier(target, field);
    }

    private void OnFieldChanged(object? sender, FieldChangedEventArgs e)
    {
        _store?.Clear(e.FieldIdentifier);
        _context?.NotifyValidationStateChanged();
    }

    // Before EditForm counts the messages of a submit: the command will judge the form again.
    private void OnValidationRequested(object? sender, ValidationRequestedEventArgs e) => ClearMessages();

    private void ClearMessages()
    {
        _store?.Clear();
        _formMessages.Clear();
    }

    private void Detach()
    {
        if (_context is not null)
        {
            _context.OnFieldChanged -= OnFieldChanged;
            _context.OnValidationRequested -= OnValidationRequested;
        }
    }

    public void Dispose() => Detach();
}
