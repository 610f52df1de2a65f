using AiDeals.Core.Features.Accounts;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace AiDeals.Web.Features.Accounts;

/// <summary>The signed-in user's own API tokens: create one (shown once), see which exist, revoke one.</summary>
public partial class ApiTokens
{
    private IReadOnlyList<ApiTokenSummary>? _tokens;
    private string _name = string.Empty;
    private string? _created;
    private string? _createdName;
    private string? _error;
    private int? _revoking;
    private bool _busy;

    [Inject]
    private ApiTokenService Tokens { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    protected override async Task OnInitializedAsync() => await LoadAsync();

    private async Task LoadAsync() => _tokens = await Tokens.ListAsync(await AuthenticationState.GetActorAsync());

    private async Task CreateAsync()
    {
        _busy = true;
        try
        {
            var creation = await Tokens.CreateAsync(await AuthenticationState.GetActorAsync(), _name);
            _error = creation.Error;
            if (creation.Token is not null)
            {
                (_created, _createdName, _name) = (creation.Token, creation.Summary!.Name, string.Empty);
                await LoadAsync();
            }
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task RevokeAsync(ApiTokenSummary token)
    {
        _busy = true;
        try
        {
            if (await Tokens.RevokeAsync(await AuthenticationState.GetActorAsync(), token.Id))
            {
                Snackbar.Add($"Revoked {token.Name}: scripts using it now get 401.", Severity.Success);
            }

            _revoking = null;
            await LoadAsync();
        }
        finally
        {
            _busy = false;
        }
    }
}
