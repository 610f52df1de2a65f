using System.Globalization;
using AiDeals.Core.Domain;
using AiDeals.Core.Features;
using AiDeals.Core.Features.Deals;
using AiDeals.Core.Features.Organizations;
using AiDeals.Web.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace AiDeals.Web.Features.Deals;

public partial class DealFilters
{
    private DealQuery? _shown;
    private bool _filtersOpen;

    // What the text boxes show: see the note at the top of the markup.
    private string? _textInput;
    private bool _textSentToAddress;
    private string? _minInput;
    private string? _maxInput;
    private string? _minProblem;
    private string? _maxProblem;

    /// <summary>The view in the address.</summary>
    [Parameter, EditorRequired]
    public DealQuery Query { get; set; } = DealQuery.Default;

    /// <summary>The investors of the view, named (the address holds their slugs).</summary>
    [Parameter]
    public IReadOnlyList<OrganizationRef> InvestorChips { get; set; } = [];

    /// <summary>The targets of the view, named.</summary>
    [Parameter]
    public IReadOnlyList<OrganizationRef> TargetChips { get; set; } = [];

    /// <summary>The view the person asked for: the list puts it in the address.</summary>
    [Parameter]
    public EventCallback<DealQuery> OnChange { get; set; }

    private bool DatesReversed => Query.From > Query.To;

    protected override void OnParametersSet()
    {
        // The list reads a new query from every address it loads; a render for anything else hands over the same one.
        if (ReferenceEquals(Query, _shown))
        {
            return;
        }

        if (!_textSentToAddress)
        {
            _textInput = Query.Text;
        }

        _textSentToAddress = false;
        if (_shown is null || Query.MinAmount != _shown.MinAmount)
        {
            _minInput = FilterText(Query.MinAmount);
            _minProblem = null;
        }

        if (_shown is null || Query.MaxAmount != _shown.MaxAmount)
        {
            _maxInput = FilterText(Query.MaxAmount);
            _maxProblem = null;
        }

        _shown = Query;
    }

    // Every change is a new view on its first page.
    private Task ChangeAsync(DealQuery query) => OnChange.InvokeAsync(query);

    private Task<IReadOnlyList<OrganizationOption>> SearchInvestorsAsync(string? text, CancellationToken cancellationToken) =>
        Lookups.InvestorsAsync(text, cancellationToken: cancellationToken);

    private Task<IReadOnlyList<OrganizationOption>> SearchTargetsAsync(string? text, CancellationToken cancellationToken) =>
        Lookups.TargetsAsync(text, cancellationToken: cancellationToken);

    private Task AddInvestorAsync(string slug) =>
        ChangeAsync(Query.FirstPage() with { Investors = [.. Query.Investors.Where(s => s != slug), slug] });

    private Task RemoveInvestorAsync(string slug) =>
        ChangeAsync(Query.FirstPage() with { Investors = [.. Query.Investors.Where(s => s != slug)] });

    private Task AddTargetAsync(string slug) =>
        ChangeAsync(Query.FirstPage() with { Targets = [.. Query.Targets.Where(s => s != slug), slug] });

    private Task RemoveTargetAsync(string slug) =>
        ChangeAsync(Query.FirstPage() with { Targets = [.. Query.Targets.Where(s => s != slug)] });

    private Task OnStatusesChangedAsync(IReadOnlyCollection<DealStatus>? statuses) =>
        ChangeAsync(Query.FirstPage() with { Statuses = [.. (statuses ?? []).Order()] });

    private Task OnKindsChangedAsync(IReadOnlyCollection<DealKind>? kinds) =>
        ChangeAsync(Query.FirstPage() with { Kinds = [.. (kinds ?? []).Order()] });

    private async Task OnTextChangedAsync(string? text)
    {
        _textInput = text;
        var trimmed = FormText.Blank(text);
        if (trimmed == Query.Text)
        {
            return;
        }

        _textSentToAddress = true;
        await ChangeAsync(Query.FirstPage() with { Text = trimmed });
    }

    private Task OnFromChangedAsync(string? text) => ChangeAsync(Query.FirstPage() with { From = ParseDate(text) });

    private Task OnToChangedAsync(string? text) => ChangeAsync(Query.FirstPage() with { To = ParseDate(text) });

    private async Task OnMinChangedAsync(string? text)
    {
        _minInput = text;
        _minProblem = ReadAmount(text, out var amount);
        if (_minProblem is null && amount != Query.MinAmount)
        {
            await ChangeAsync(Query.FirstPage() with { MinAmount = amount });
        }
    }

    private async Task OnMaxChangedAsync(string? text)
    {
        _maxInput = text;
        _maxProblem = ReadAmount(text, out var amount);
        if (_maxProblem is null && amount != Query.MaxAmount)
        {
            await ChangeAsync(Query.FirstPage() with { MaxAmount = amount });
        }
    }

    private Task ClearFiltersAsync() => ChangeAsync(Query.Cleared());

    // An empty box is no filter; anything else must read as an amount no larger than any amount can be. Null when it
    // reads, else what the box says.
    private static string? ReadAmount(string? text, out long? amount)
    {
        amount = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (AmountText.TryParse(text, out var dollars, out var problem))
        {
            amount = dollars;
            return null;
        }

        // The boxes' own examples are the figures a filter is usually set to.
        return problem == AmountText.TooLargeMessage ? problem : "Write an amount such as 10B, 250M or 1.5T";
    }

    private static string? FilterText(long? dollars) => dollars is { } value ? AmountRange.Format(value) : null;

    private static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private static string? DateText(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
