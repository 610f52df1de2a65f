using System.Buffers.Text;
using System.Security.Cryptography;
using AiDeals.Core.Features.Accounts;

namespace AiDeals.Core.Features.Watchlists;

/// <summary>
/// Makes the private link of the actor's watchlist feed, replacing any earlier one (whose readers then get 404). Only the
/// token's hash is stored; <see cref="Token"/> holds the token once the command has saved, to show once.
/// </summary>
public sealed class CreateWatchFeed : WatchlistCommand
{
    /// <summary>Every feed token starts with this, so that a leaked one is easy to recognise.</summary>
    public const string TokenPrefix = "aidw_";

    public string? Token { get; private set; }

    protected override Task ApplyAsync(CommandScope scope, Watchlist row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var token = TokenPrefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        row.FeedTokenHash = ApiTokenService.Hash(token);
        row.FeedTokenPrefix = token[..WatchlistLimits.FeedTokenPrefix];
        row.FeedCreatedAtUtc = TimeProvider.System.GetUtcNow().UtcDateTime;
        Token = token;
        return Task.CompletedTask;
    }
}
