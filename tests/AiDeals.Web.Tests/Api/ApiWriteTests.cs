using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AiDeals.Core.Data;
using AiDeals.Core.Features.Accounts;
using AiDeals.Web.Tests.Features.Accounts;
using AiDeals.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AiDeals.Web.Tests.Api;

/// <summary>Writes through the API: the same commands as the editors, their outcomes as statuses, and the audit as the token's owner.</summary>
[Collection(WebHostCollection.Name)]
public sealed class ApiWriteTests(ApiWebFactory factory)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static object NewDeal(string title) => new
    {
        title,
        kind = "EquityInvestment",
        status = "InTalks",
        targetId = 1,
        amountLow = 1_000_000_000L,
        amountHigh = 2_000_000_000L,
        amountQualifier = "Range",
        announcedOn = "2025-03-01",
        announcedPrecision = "Month",
        participants = new[] { new { organizationId = 2, role = "Lead" } },
    };

    [Fact]
    public async Task DealLifecycle_AnalystToken_CreatesUpdatesDeletesRestoresAuditedAsTheOwnerViaTheToken()
    {
        using var client = await factory.ClientForAsync("analyst");

        var created = await client.PostAsJsonAsync("/api/v1/deals", NewDeal("API lifecycle deal"), Cancel);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var form = await created.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        var id = form.GetProperty("id").GetInt32();
        Assert.Equal($"/api/v1/deals/{id}", created.Headers.Location?.OriginalString);
        Assert.Equal("\"0\"", created.Headers.ETag?.Tag);
        Assert.Equal("Lead", form.GetProperty("participants")[0].GetProperty("role").GetString());

        var edit = JsonSerializer.Deserialize<Dictionary<string, object?>>(form.GetRawText())!;
        edit["notes"] = "Checked against the filing.";
        var updated = await client.PutAsJsonAsync($"/api/v1/deals/{id}", edit, Cancel);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal(1, (await updated.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("version").GetInt32());

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/deals/{id}?version=1", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/deals/{id}", Cancel)).StatusCode);
        var restored = await client.PostAsync($"/api/v1/deals/{id}/restore", null, Cancel);
        Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
        Assert.Equal("Checked against the filing.", (await restored.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("notes").GetString());

        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<AiDealsDbContext>>().CreateDbContextAsync(Cancel);
        var entries = await db.AuditEntries.Where(a => a.EntityType == "Deal" && a.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture)).OrderBy(a => a.Id).ToListAsync(Cancel);
        Assert.Equal(["Created", "Updated", "Deleted", "Restored"], entries.Select(e => e.Action.ToString()));
        Assert.All(entries, e => Assert.Equal(DemoAccounts.Analyst.UserName, e.User));
        Assert.All(entries, e => Assert.Equal("via API token \"analyst\"", e.Reason));
    }

    [Fact]
    public async Task Update_StaleVersion_Answers409WithWhoSavedAndTheRecordNow()
    {
        using var analyst = await factory.ClientForAsync("analyst");
        using var admin = await factory.ClientForAsync("admin");
        var created = await analyst.PostAsJsonAsync("/api/v1/deals", NewDeal("API conflict deal"), Cancel);
        var form = JsonSerializer.Deserialize<Dictionary<string, object?>>(await created.Content.ReadAsStringAsync(Cancel))!;
        var id = ((JsonElement)form["id"]!).GetInt32();

        form["title"] = "API conflict deal, the admin's title";
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/v1/deals/{id}", form, Cancel)).StatusCode);
        form["title"] = "API conflict deal, the analyst's title";
        var stale = await analyst.PutAsJsonAsync($"/api/v1/deals/{id}", form, Cancel);

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);
        var problem = await stale.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal(409, problem.GetProperty("status").GetInt32());
        Assert.Equal(DemoAccounts.Admin.UserName, problem.GetProperty("changedBy").GetString());
        Assert.Equal(1, problem.GetProperty("currentVersion").GetInt32());
        Assert.Equal("API conflict deal, the admin's title", problem.GetProperty("current").GetProperty("title").GetString());
        Assert.True(problem.GetProperty("changedAtUtc").GetDateTime() > DateTime.UtcNow.AddMinutes(-5));

        // A stale If-Match is a failed precondition (RFC 9110): 412 with the record's ETag now, for an update and a delete.
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/deals/{id}") { Content = JsonContent.Create(form) };
        request.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue("\"0\""));
        var precondition = await analyst.SendAsync(request, Cancel);
        Assert.Equal(HttpStatusCode.PreconditionFailed, precondition.StatusCode);
        Assert.Equal("\"1\"", precondition.Headers.ETag?.Tag);
        Assert.Equal("application/problem+json", precondition.Content.Headers.ContentType?.MediaType);
        Assert.Equal(1, (await precondition.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("currentVersion").GetInt32());
        using var delete = new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/deals/{id}");
        delete.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue("\"0\""));
        var staleDelete = await analyst.SendAsync(delete, Cancel);
        Assert.Equal(HttpStatusCode.PreconditionFailed, staleDelete.StatusCode);
        Assert.Equal("\"1\"", staleDelete.Headers.ETag?.Tag);
    }

    [Fact]
    public async Task Create_BrokenRules_Answers400WithErrorsKeyedAsTheFormsFields()
    {
        using var client = await factory.ClientForAsync("analyst");
        var deal = new
        {
            title = "API invalid deal",
            amountLow = 5L,
            amountHigh = 1L,
            amountQualifier = "Range",
            participants = new object[] { new { organizationId = 2 }, new { role = "Lead" } },
        };

        var response = await client.PostAsJsonAsync("/api/v1/deals", deal, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors");
        Assert.Equal("Choose the organization.", errors.GetProperty("Participants[1].OrganizationId")[0].GetString());
        Assert.Contains(errors.EnumerateObject(), e => e.Name.StartsWith("Amount", StringComparison.Ordinal) && e.Value[0].GetString()!.Contains("above the high", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Write_ByTheBrowsersCookie_IsRefusedWithoutTouchingData()
    {
        using var client = AccountHttp.NewClient(factory);
        await AccountHttp.LogInAsync(client, DemoAccounts.Analyst.UserName, DemoAccounts.Analyst.Password);

        var read = await client.GetAsync("/api/v1/deals/1", Cancel);
        var write = await client.PostAsJsonAsync("/api/v1/deals", NewDeal("API cookie deal"), Cancel);

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, write.StatusCode);
        Assert.Null(write.Headers.Location);
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<AiDealsDbContext>>().CreateDbContextAsync(Cancel);
        Assert.False(await db.Deals.AnyAsync(d => d.Title == "API cookie deal", Cancel));
    }

    [Fact]
    public async Task Post_BodyOverTheLimit_Answers413ProblemDetails()
    {
        using var client = await factory.ClientForAsync("analyst");

        // With its length declared, as curl and HttpClient send a body they hold; Kestrel stops a longer streamed one itself.
        using var body = new StringContent(JsonSerializer.Serialize(new { title = new string('a', 1_100_000) }), System.Text.Encoding.UTF8, "application/json");
        var response = await client.PostAsync("/api/v1/sources", body, Cancel);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(413, (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("status").GetInt32());
    }

    [Theory]
    [InlineData("GET", "/api/v1/no-such-thing", 404)]
    [InlineData("PATCH", "/api/v1/deals/1", 405)]
    [InlineData("POST", "/api/v1/sources/1/restore?version=x", 400)]
    public async Task Call_NoSuchRouteOrMethod_AnswersProblemDetailsNotAPage(string method, string path, int status)
    {
        using var client = await factory.ClientForAsync("analyst");

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path), Cancel);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(status, (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("status").GetInt32());
    }
}
