using System.Globalization;
using AiDeals.Core.Domain;
using AiDeals.Core.Features;
using AiDeals.Core.Features.Accounts;
using AiDeals.Core.Features.History;
using Microsoft.AspNetCore.Components;

namespace AiDeals.Web.Features.History;

public partial class HistoryFilters
{
    private IReadOnlyList<string>? _userNames;

    [Parameter]
    public string? User { get; set; }

    /// <summary>The record type, as the audit names it ("Deal", "OrganizationAlias").</summary>
    [Parameter]
    public string? Type { get; set; }

    /// <summary>One record of <see cref="Type"/> only (from a record's "See its history").</summary>
    [Parameter]
    public int? Id { get; set; }

    /// <summary>The first UTC day, yyyy-MM-dd.</summary>
    [Parameter]
    public string? From { get; set; }

    /// <summary>The last UTC day, yyyy-MM-dd.</summary>
    [Parameter]
    public string? To { get; set; }

    /// <summary>The changes of one batch only (an import's label).</summary>
    [Parameter]
    public string? Batch { get; set; }

    /// <summary>Offer the user accounts' changes too (admins).</summary>
    [Parameter]
    public bool IncludeAccounts { get; set; }

    private IEnumerable<string> TypeChoices => IncludeAccounts ? [.. HistorySearch.EntityTypes, AccountService.AuditEntityType] : HistorySearch.EntityTypes;

    private bool Filtered => User is not null || Type is not null || From is not null || To is not null || Batch is not null;

    private bool DatesReversed => ParseDay(From) is { } from && ParseDay(To) is { } to && to < from;

    /// <summary>A day of the address, or null when it is not a yyyy-MM-dd date.</summary>
    public static DateOnly? ParseDay(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    private async Task<IEnumerable<string>> SearchUsersAsync(string? text, CancellationToken cancellationToken)
    {
        _userNames ??= await History.UserNamesAsync(cancellationToken);
        return string.IsNullOrWhiteSpace(text) ? _userNames : _userNames.Where(u => u.Contains(text.Trim(), StringComparison.OrdinalIgnoreCase));
    }

    private void OnUserChanged(string? user) => Go(user: FormText.Blank(user));

    private void OnTypeChanged(string? type) => Go(type: string.IsNullOrEmpty(type) ? null : type, id: null);

    private void OnFromChanged(string? from) => Go(from: ParseDay(from)?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    private void OnToChanged(string? to) => Go(to: ParseDay(to)?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    private void ClearRecord() => Go(id: null);

    private void ClearBatch() => Go(batch: null);

    private void ClearFilters() => Navigation.NavigateTo("/history");

    /// <summary>The new address of the view, on its first page: a changed filter starts there.</summary>
    private void Go(Optional<string?> user = default, Optional<string?> type = default, Optional<int?> id = default,
        Optional<string?> from = default, Optional<string?> to = default, Optional<string?> batch = default)
    {
        var parameters = new Dictionary<string, object?>
        {
            ["user"] = user.Or(User),
            ["type"] = type.Or(Type),
            ["id"] = id.Or(Id),
            ["from"] = from.Or(From),
            ["to"] = to.Or(To),
            ["batch"] = batch.Or(Batch),
        };
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters("/history", parameters));
    }

    /// <summary>"Deals", "Organization aliases": a record type for people, in the plural.</summary>
    private static string TypeLabel(string type) => type switch
    {
        nameof(Deal) => "Deals",
        nameof(DealParticipant) => "Deal participants",
        nameof(Citation) => "Citations",
        nameof(Organization) => "Organizations",
        nameof(OrganizationAlias) => "Organization aliases",
        nameof(Valuation) => "Valuations",
        nameof(MarketEvent) => "Market events",
        nameof(MarketEventOrganization) => "Market event organizations",
        nameof(Source) => "Sources",
        _ => "User accounts",
    };

    /// <summary>A parameter that may be left out, as opposed to given as null (which clears the filter).</summary>
    private readonly record struct Optional<T>(T Value)
    {
        private bool IsGiven { get; init; }

        public static implicit operator Optional<T>(T value) => new(value) { IsGiven = true };

        public T Or(T current) => IsGiven ? Value : current;
    }
}
