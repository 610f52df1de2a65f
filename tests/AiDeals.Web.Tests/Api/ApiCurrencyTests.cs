using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AiDeals.Web.Tests.Support;

namespace AiDeals.Web.Tests.Api;

/// <summary>
/// Amounts in their currency through the API: a deal and its list rows carry the currency and the figures as reported
/// beside the dollars; writes take a currency for the amount and for each commitment, and refuse a code that is no ISO 4217.
/// </summary>
[Collection(WebHostCollection.Name)]
public sealed class ApiCurrencyTests(ApiWebFactory factory)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static Dictionary<string, object?> EuroDeal(string title, string currency = "EUR", string commitmentCurrency = "EUR") => new()
    {
        ["title"] = title,
        ["kind"] = "EquityInvestment",
        ["status"] = "Announced",
        ["targetId"] = 1,
        ["currency"] = currency,
        ["amountLow"] = 600_000_000L,
        ["amountHigh"] = 600_000_000L,
        ["amountQualifier"] = "Exact",
        ["announcedOn"] = "2024-06-11",
        ["announcedPrecision"] = "Day",
        ["participants"] = new[]
        {
            new { organizationId = 2, role = "Lead", currency = commitmentCurrency, commitmentLow = 200_000_000L, commitmentHigh = 200_000_000L, commitmentQualifier = "Exact" },
        },
    };

    [Fact]
    public async Task Deal_InEuros_CarriesTheCurrencyAndTheReportedFiguresBesideTheDollars()
    {
        using var client = await factory.ClientForAsync("analyst");
        var created = await client.PostAsJsonAsync("/api/v1/deals", EuroDeal("API euro deal"), Cancel);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var form = await created.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        var id = form.GetProperty("id").GetInt32();
        Assert.Equal("EUR", form.GetProperty("currency").GetString());
        Assert.Equal("EUR", form.GetProperty("participants")[0].GetProperty("currency").GetString());
        Assert.Equal(200_000_000, form.GetProperty("participants")[0].GetProperty("commitmentLow").GetInt64());

        var deal = await client.GetFromJsonAsync<JsonElement>($"/api/v1/deals/{id}", Cancel);
        var reported = deal.GetProperty("asReported");
        Assert.Equal("EUR", reported.GetProperty("currency").GetString());
        Assert.Equal(600_000_000, reported.GetProperty("reported").GetProperty("low").GetInt64());
        Assert.StartsWith("€600M", reported.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.False(reported.GetProperty("isUnconverted").GetBoolean());
        var dollars = deal.GetProperty("amount").GetProperty("low").GetInt64();
        Assert.InRange(dollars, 600_000_001, 800_000_000);
        Assert.Equal(dollars, reported.GetProperty("dollars").GetProperty("low").GetInt64());
        var commitment = deal.GetProperty("participants")[0];
        Assert.Equal("EUR", commitment.GetProperty("asReported").GetProperty("currency").GetString());
        Assert.Equal(200_000_000, commitment.GetProperty("asReported").GetProperty("reported").GetProperty("low").GetInt64());
        Assert.InRange(commitment.GetProperty("commitment").GetProperty("low").GetInt64(), 200_000_001, 270_000_000);

        // The list, numbered and by cursor, carries the same.
        foreach (var query in new[] { "q=API%20euro%20deal", "q=API%20euro%20deal&limit=10" })
        {
            var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/deals?" + query, Cancel);
            var row = list.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("id").GetInt32() == id);
            Assert.Equal("EUR", row.GetProperty("asReported").GetProperty("currency").GetString());
            Assert.Equal(600_000_000, row.GetProperty("asReported").GetProperty("reported").GetProperty("low").GetInt64());
            Assert.Equal(dollars, row.GetProperty("amount").GetProperty("low").GetInt64());
        }
    }

    [Fact]
    public async Task Deal_CurrencyWithoutRates_IsSavedAndLeftOutOfDollarTotals()
    {
        using var client = await factory.ClientForAsync("analyst");
        var created = await client.PostAsJsonAsync("/api/v1/deals", EuroDeal("API rupee deal", "INR", "INR"), Cancel);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetInt32();

        var deal = await client.GetFromJsonAsync<JsonElement>($"/api/v1/deals/{id}", Cancel);
        Assert.True(deal.GetProperty("asReported").GetProperty("isUnconverted").GetBoolean());
        Assert.Equal("Undisclosed", deal.GetProperty("amount").GetProperty("qualifier").GetString());
        Assert.True(deal.GetProperty("participants")[0].GetProperty("asReported").GetProperty("isUnconverted").GetBoolean());
    }

    [Theory]
    [InlineData("XYZ", "EUR", "Currency")]
    [InlineData("EUR", "ABC", "Participants[0].Currency")]
    [InlineData("EURO", "EUR", "Currency")]
    public async Task Write_UnknownCurrency_Answers400NamingTheField(string currency, string commitmentCurrency, string field)
    {
        using var client = await factory.ClientForAsync("analyst");
        var answer = await client.PostAsJsonAsync("/api/v1/deals", EuroDeal("API bad currency deal", currency, commitmentCurrency), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        var errors = (await answer.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors");
        var messages = errors.EnumerateObject().Single(e => e.Name.Equals(field, StringComparison.OrdinalIgnoreCase)).Value;
        Assert.Contains(messages.EnumerateArray(), m => m.GetString()!.Contains("code", StringComparison.Ordinal));
    }
}
