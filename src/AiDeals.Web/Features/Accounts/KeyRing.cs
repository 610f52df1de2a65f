using AiDeals.Core.Data;
using Microsoft.AspNetCore.DataProtection;

namespace AiDeals.Web.Features.Accounts;

/// <summary>
/// Where the keys that protect login and antiforgery cookies (and Identity's tokens) live. On PostgreSQL, in the
/// database every instance shares, so a cookie issued by one instance is read by all; on SQLite, where one process owns
/// the file, in ASP.NET Core's default key folder, out of the database file and its copies (docs/architecture.md).
/// </summary>
internal static class KeyRing
{
    /// <summary>
    /// Fixed, so instances installed in different folders read each other's cookies (by default the name is the
    /// app's folder).
    /// </summary>
    public const string ApplicationName = "AiDeals";

    public static WebApplicationBuilder AddKeyRing(this WebApplicationBuilder builder, DatabaseSettings database)
    {
        ArgumentNullException.ThrowIfNull(database);
        if (database.IsPostgreSql)
        {
            builder.Services.AddDataProtection()
                .SetApplicationName(ApplicationName)
                .PersistKeysToDbContext<AiDealsDbContext>();
        }

        return builder;
    }

    /// <summary>
    /// Makes the first key now if there is none (under the start-up lock), rather than on the first request: two
    /// instances meeting an empty key table at once would each make their own, and for a while refuse each other's cookies.
    /// </summary>
    public static void EnsureKey(this WebApplication app) =>
        app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(nameof(KeyRing)).Protect([1]);
}
