using AiDeals.Core.Data;
using AiDeals.Web;
using AiDeals.Web.Components;
using AiDeals.Web.Features.Accounts;
using AiDeals.Web.Features.Api;
using AiDeals.Web.Features.Deals;
using AiDeals.Web.Features.Export;
using AiDeals.Web.Features.Feeds;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using MudBlazor.Services;
using Serilog;

Log.Logger = new LoggerConfiguration()
    .WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture)
    .CreateBootstrapLogger();

try
{
    var startup = new AiDeals.Web.StartupTimes();
    startup.Mark("main");
    var builder = WebApplication.CreateBuilder(args);

    // Console and levels come from configuration; the rolling JSON file sits in the app's data folder.
    var logFolder = Path.Combine(builder.Environment.ContentRootPath, builder.Configuration["Logs:Folder"] ?? "App_Data/logs");
    builder.Services.AddSerilog((services, logger) => logger
        .ReadFrom.Configuration(builder.Configuration)
        .ReadFrom.Services(services)
        .Enrich.FromLogContext()
        .WriteTo.File(
            new Serilog.Formatting.Compact.CompactJsonFormatter(),
            Path.Combine(logFolder, "aideals-.log"),
            rollingInterval: RollingInterval.Day,
            retainedFileCountLimit: builder.Configuration.GetValue("Logs:RetainedDays", 14)));

    var database = AppDatabase.Resolve(builder.Configuration, builder.Environment);
    builder.Services.AddSingleton(builder.Configuration.GetSection(AiDeals.Core.Features.Import.ImportOptions.Section).Get<AiDeals.Core.Features.Import.ImportOptions>()
        ?? new AiDeals.Core.Features.Import.ImportOptions());
    builder.Services.AddAiDealsCore(database);
    builder.Services.AddHealthChecks().AddCheck<AiDeals.Web.Features.Diagnostics.DatabaseHealthCheck>("database");
    builder.AddAccountsAndRoles();
    builder.AddKeyRing(database);
    builder.AddApi();

    // A circuit message carries a field's text, twice over (measured in Chromium, tests/AiDeals.E2E.Tests/LongTextTests):
    // a 4,000-character field (notes, quote, description) of "€" or CJK is 12 KB of UTF-8 and a 24,168-byte message; of
    // control characters, which travel JSON-escaped ("\u0001", 6 bytes each), a 48,168-byte one. Over SignalR's default
    // limit of 32 KB the circuit closes with no word to the user and the form is lost; 128 KB holds the worst field at its
    // limit with room to spare, and the inputs' maxlength keeps a paste from going past the limit.
    builder.Services.AddRazorComponents().AddInteractiveServerComponents()
        .AddHubOptions(options => options.MaximumReceiveMessageSize = CircuitLimits.MaximumReceiveMessageSize);
    builder.Services.AddMudServices();
    builder.Services.AddSingleton<AiDeals.Web.Components.Shared.EditorDrafts>();
    builder.Services.AddScoped<AiDeals.Web.Components.Layout.LiveAnnouncer>();
    builder.Services.AddSingleton<AiDeals.Web.Components.Layout.ThemeStyles>();

    var app = builder.Build();
    startup.Mark("host built");

    await using (await StartupLock.AcquireAsync(database))
    {
        await app.Services.GetRequiredService<DatabaseInitializer>()
            .InitializeAsync(AppDatabase.ResolveDealBookPath(app.Configuration, app.Environment));
        startup.Mark("database ready");
        await app.SeedAccountsAsync();
        startup.Mark("accounts");
        app.EnsureKey();
        startup.Mark("keys");
    }

    app.UseSecurityHeaders();
    if (!app.Environment.IsDevelopment())
    {
        app.UseExceptionHandler("/Error", createScopeForErrors: true);
        app.UseHsts();
        if (app.Configuration.GetValue(SecurityHeaders.HttpsRedirectKey, true))
        {
            app.UseHttpsRedirection();
        }
    }

    app.UseSerilogRequestLogging(options => options.GetMessageTemplateProperties = RequestLogPaths.Properties);

    // The pages show the not-found page; the API answers its errors as problem details. The API's handlers sit inside
    // the pages' one, so an API error has its body before the pages' handler looks (it acts on empty bodies only).
    // (Re-executing from inside a UseWhen branch answered every missing page with an empty 404.)
    app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
    app.UseApiErrors();
    app.UseAuthentication();
    app.UseAuthorization();

    // After authorization, which has put the token's owner (and the token's id) into the request's user.
    app.UseRateLimiter();

    // After the rate limiter: a list answered from memory is authorized and counted like any other call.
    app.UseOutputCache();
    app.UseAntiforgery();

    // A probe reads; POST, PUT, DELETE or TRACE to it is a mistake or a scan and gets 405.
    app.MapHealthChecks("/health", new HealthCheckOptions { AllowCachingResponses = false })
        .WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]))
        .AllowAnonymous();
    app.MapStaticAssets().AllowAnonymous();
    app.MapAccountEndpoints();
    app.MapDealExport();
    app.MapDealBookExport();
    app.MapFeeds();
    if (app.Environment.IsDevelopment())
    {
        AiDeals.Web.Features.Diagnostics.MemoryEndpoints.MapMemoryDiagnostics(app);
    }

    app.MapApi();

    // Blazor's own frame-ancestors policy for interactive pages, as strict as the one SecurityHeaders sends.
    app.MapRazorComponents<App>()
        .AddInteractiveServerRenderMode(server => server.ContentSecurityFrameAncestorsPolicy = "'none'")
        .AnswerHeadLikeGet();

    startup.LogWhenListening(app);
    await app.RunAsync();
}
catch (Exception ex) when (ex is not HostAbortedException)
{
    Log.Fatal(ex, "AiDeals stopped on an unexpected error");
    throw;
}
finally
{
    await Log.CloseAndFlushAsync();
}

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
