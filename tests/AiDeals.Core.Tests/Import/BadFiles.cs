using System.Text;
using System.Text.Json.Nodes;

namespace AiDeals.Core.Tests.Import;

/// <summary>
/// The corpus of files import must refuse, made here rather than kept as files: each is a good file with one thing
/// wrong, named, with a fragment of the message it must get and, for a CSV row, the line it must be told at.
/// </summary>
internal static class BadFiles
{
    public const string Header = "Title,Target,Investors,Kind,Status,Amount low (USD),Amount high (USD),Amount qualifier,Announced,Announced precision";

    public const string GoodRow = "Acme seed round,OpenAI,SoftBank Group,EquityInvestment,Announced,1000,2000,Range,2025-03-01,Month";

    private static readonly string Mega = new('x', 1024 * 1024);

    // Made once: each case looks its file up by name, and making the corpus (a deal book per JSON case, 1 MB cells) is
    // not free.
    private static readonly Lazy<IReadOnlyList<(string Name, byte[] Content, string Message, long? Line)>> Corpus =
        new(() => [.. Csv().Concat(Files()).Concat(Json())]);

    public static IReadOnlyList<(string Name, byte[] Content, string Message, long? Line)> All() => Corpus.Value;

    /// <summary>A CSV of the header, a good row (line 2) and the bad row (line 3).</summary>
    private static (string, byte[], string, long?) Row(string name, string row, string message) =>
        (name, Bytes($"{Header}\r\n{GoodRow}\r\n{row}\r\n"), message, 3);

    private static IEnumerable<(string, byte[], string, long?)> Csv()
    {
        string With(int column, string value)
        {
            // Another deal than the good row's, so that only the cell under test is wrong.
            var cells = GoodRow.Split(',');
            cells[0] = "Acme second round";
            cells[column] = value;
            return string.Join(',', cells);
        }

        yield return Row("amount with B", With(5, "15B"), "not a whole number of US dollars");
        yield return Row("amount with separators", With(5, "\"15,000\""), "not a whole number of US dollars");
        yield return Row("negative amount", With(5, "-5"), "not a whole number of US dollars");
        yield return Row("amount in exponent", With(5, "1.5e9"), "not a whole number of US dollars");
        yield return Row("amount in euros", With(5, "15000000000 EUR"), "not a whole number of US dollars");
        yield return Row("amount with a euro sign", With(6, "€2000"), "not a whole number of US dollars");
        yield return Row("amount with a dollar sign", With(6, "$2000"), "not a whole number of US dollars");
        yield return Row("amount in words", With(6, "two thousand"), "not a whole number of US dollars");
        yield return Row("amount beyond any deal", With(6, "999999999999999999"), "more than $100T");
        yield return Row("low above high", With(5, "5000"), "low");
        yield return Row("qualifier unknown", With(7, "Maybe"), "is not one of");
        yield return Row("qualifier as a number", With(7, "2"), "is not one of");
        yield return Row("range without high", With(6, string.Empty), "high");
        yield return Row("kind unknown", With(3, "Merger"), "is not one of");
        yield return Row("status unknown", With(4, "Done"), "is not one of");
        yield return Row("announced month 13", With(8, "2025-13-01"), "is not a date");
        yield return Row("announced in words", With(8, "yesterday"), "is not a date");
        yield return Row("precision unknown", With(9, "Week"), "is not one of");
        yield return Row("unknown target", With(1, "Nobody Incorporated"), "No organization has the key, name or alias 'Nobody Incorporated'");
        yield return Row("unknown investor", With(2, "Ghost Capital"), "No organization has the key, name or alias 'Ghost Capital'");
        yield return Row("investor twice by name and alias", With(2, "SoftBank Group; SoftBank"), "once");
        yield return Row("duplicate row", GoodRow, "same deal as line 2");
        yield return Row("title blank", With(0, string.Empty), "title");
        yield return Row("title too long", With(0, new string('t', 301)), "300");
        yield return Row("title of 1 MB", With(0, Mega), "a cell holds at most");
        yield return Row("investors of 1 MB", With(2, Mega), "a cell holds at most");
        yield return Row("formula title cmd", With(0, "=cmd|' /C calc'!A0"), "formula");
        yield return Row("formula title plus", With(0, "+SUM(A1:A9)"), "formula");
        yield return Row("formula title at", With(0, "@SUM(1+1)"), "formula");
        yield return Row("formula target minus", With(1, "-2+3"), "formula");
        yield return Row("formula investors", With(2, "=HYPERLINK(1)"), "formula");
        yield return Row("control character in title", With(0, "Acme\u0007 round"), "character");
        yield return Row("text after a closing quote", "\"Acme\" seed round" + GoodRow[15..], "malformed");
        yield return ("external id too long", Bytes($"External id,{Header}\r\n{new string('k', 101)},{GoodRow}\r\n"), "100", 2);
        yield return ("external id twice", Bytes($"External id,{Header}\r\nk1,{GoodRow}\r\nk1,Other,OpenAI,,Partnership,Announced,,,,,\r\n"), "used twice", 3);
        yield return ("external id as formula", Bytes($"External id,{Header}\r\n=1+1,{GoodRow}\r\n"), "formula", 2);
        yield return ("header without title", Bytes("Target,Kind,Status\r\nOpenAI,Partnership,Announced\r\n"), "lacks the column 'Title'", 1);
        yield return ("header with an unknown column", Bytes($"{Header},Currency\r\n{GoodRow},USD\r\n"), "unknown column 'Currency'", 1);
        yield return ("header with a column twice", Bytes($"{Header},Title\r\n{GoodRow},Again\r\n"), "twice", 1);
        yield return ("header of another file", Bytes("name,email,phone\r\nann,ann@x,1\r\n"), "Wrong columns", 1);
        yield return ("header only", Bytes(Header + "\r\n"), "no row", 1);
        yield return ("unterminated quote", Bytes($"{Header}\r\n\"Acme,OpenAI,SoftBank Group,EquityInvestment,Announced,1,2,Range,2025-03-01,Month\r\n"), "malformed", null);
        yield return ("row count beyond the limit", HugeRowCount(), "more than 200,000 rows", null);
    }

    private static IEnumerable<(string, byte[], string, long?)> Files()
    {
        var csv = $"{Header}\r\n{GoodRow}\r\n";
        yield return ("empty file", [], "empty", null);
        yield return ("only spaces and newlines", Bytes("  \r\n\r\n  "), "empty", null);
        yield return ("UTF-8 byte-order mark only", [0xEF, 0xBB, 0xBF], "empty", null);
        yield return ("UTF-16 little-endian", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(csv)], "UTF-16 (little-endian", null);
        yield return ("UTF-16 big-endian", [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(csv)], "UTF-16 (big-endian", null);
        yield return ("UTF-16 without a mark", Encoding.Unicode.GetBytes(csv), "UTF-16 without", null);
        yield return ("UTF-32", [.. Encoding.UTF32.GetPreamble(), .. Encoding.UTF32.GetBytes(csv)], "UTF-32", null);
        yield return ("Latin-1 accent", Encoding.Latin1.GetBytes($"{Header}\r\nSoci\u00e9t\u00e9 round,OpenAI,,EquityInvestment,Announced,,,,,\r\n"), "not UTF-8", 2);
    }

    private static IEnumerable<(string, byte[], string, long?)> Json()
    {
        yield return ("JSON cut short", Bytes("{ \"deals\": [ { \"key\": \"d1\", "), "not valid JSON", 1);
        yield return ("JSON with unquoted names", Bytes("{ deals: [] }"), "not valid JSON", 1);
        yield return ("JSON with text after the end", Bytes("{ \"deals\": [] } }"), "not valid JSON", 1);
        yield return ("JSON null", Bytes("null "), "null", 1);
        yield return ("JSON array", Bytes("[ 1, 2 ]"), "not valid JSON", 1);
        yield return ("JSON empty object", Bytes("{ }"), "no entry", 1);
        yield return ("JSON entry count beyond the limit", Bytes("{ \"deals\": [" + string.Join(',', Enumerable.Repeat("{}", 200_001)) + "] }"), "200,001 entries", null);
        yield return ("JSON with a byte that is not UTF-8", [.. Bytes("{ \"deals\": [ { \"title\": \"Soci"), 0xE9, .. Bytes("t\u00e9\" } ] }")], "not UTF-8", 1);
        yield return ("JSON nested too deep", Bytes("{\"deals\":" + new string('[', 100) + new string(']', 100) + "}"), "not valid JSON", 1);
        yield return Book("deals not a list", b => b["deals"] = 5, "not valid JSON");
        yield return Book("kind as a number", b => Deal(b)["kind"] = 3, "not valid JSON");
        yield return Book("kind unknown", b => Deal(b)["kind"] = "Merger", "not valid JSON");
        yield return Book("unknown member", b => Deal(b)["currency"] = "EUR", "not valid JSON");
        yield return Book("amount as text", b => Deal(b)["amount"]!["low"] = "15B", "not valid JSON");
        yield return Book("low above high", b => Deal(b)["amount"]!["low"] = 5000, "low");
        yield return Book("unknown target", b => Deal(b)["target"] = "nobody", "No organization has the key, name or alias 'nobody'");
        yield return Book("unknown participant", b => Deal(b)["participants"]![0]!["organization"] = "ghost", "'ghost'");
        yield return Book("unknown citation source", b => Deal(b)["citations"]![0]!["source"] = "s9", "No source has the key 's9'");
        yield return Book("unknown umbrella", b => Deal(b)["parent"] = "d9", "No deal has the key or external id 'd9'");
        yield return Book("umbrella of itself", b => Deal(b)["parent"] = "d1", "A deal cannot be part of itself");
        yield return Book("deal key twice", b => b["deals"]!.AsArray().Add(Deal(b).DeepClone()), "used twice");
        yield return Book("organization key twice", b => b["organizations"]!.AsArray().Add(b["organizations"]![0]!.DeepClone()), "used twice");
        yield return Book("organization without key", b => b["organizations"]![0]!.AsObject().Remove("key"), "key is required");
        yield return Book("organization of an existing name twice", b =>
        {
            b["organizations"]!.AsArray().Add(new JsonObject { ["key"] = "sb", ["name"] = "SoftBank", ["type"] = "Conglomerate" });
            b["organizations"]!.AsArray().Add(new JsonObject { ["key"] = "sbg", ["name"] = "SoftBank Group", ["type"] = "Conglomerate" });
        }, "same organization");
        yield return Book("organization country unknown", b => b["organizations"]![0]!["country"] = "XX", "country");
        yield return Book("organization website script", b => b["organizations"]![0]!["website"] = "javascript:alert(1)", "http");
        yield return Book("organization description of 1 MB", b => b["organizations"]![0]!["description"] = Mega, "4,000");
        yield return Book("source address not http", b => b["sources"]![0]!["url"] = "ftp://example.com/a", "http");
        yield return Book("quote blank", b => Deal(b)["citations"]![0]!["quote"] = " ", "quote");
        yield return Book("deal title missing", b => Deal(b).Remove("title"), "title");
        yield return Book("announced not a date", b => Deal(b)["announced"] = "soon", "'soon' is not a date");
        yield return Book("closed before announced", b => Deal(b)["closed"] = "2019", "clos");
        yield return Book("valuation of zero", b => b["valuations"] = new JsonArray(Valuation(0)), "more than zero");
        yield return Book("valuation of an unknown organization", b => b["valuations"] = new JsonArray(Valuation(5, "ghost")), "'ghost'");
        yield return Book("market event of an unknown organization", b => b["marketEvents"] = JsonNode.Parse("""[{"key":"e1","title":"Crash","date":"2025-01","organizations":["ghost"]}]"""), "'ghost'");
    }

    private static (string, byte[], string, long?) Book(string name, Action<JsonObject> spoil, string message)
    {
        var book = JsonNode.Parse("""
            {
              "sources": [ { "key": "s1", "title": "A source", "url": "https://example.com/a" } ],
              "organizations": [ { "key": "acme", "name": "Acme AI", "type": "Company", "country": "US" } ],
              "deals": [
                {
                  "key": "d1", "title": "Acme seed round", "kind": "EquityInvestment", "status": "Announced", "target": "acme",
                  "amount": { "low": 1000, "high": 2000, "qualifier": "Range" }, "announced": "2025-03",
                  "participants": [ { "organization": "SoftBank Group", "role": "Lead" } ],
                  "citations": [ { "source": "s1", "quote": "Acme raised a seed round." } ]
                }
              ]
            }
            """)!.AsObject();
        spoil(book);
        return ("deal book: " + name, Bytes(book.ToJsonString(new() { WriteIndented = true })), message, null);
    }

    private static JsonObject Deal(JsonObject book) => book["deals"]![0]!.AsObject();

    private static JsonObject Valuation(long amount, string organization = "acme") =>
        new() { ["organization"] = organization, ["asOf"] = "2025-03", ["amount"] = amount, ["kind"] = "PostMoney" };

    private static byte[] HugeRowCount()
    {
        var text = new StringBuilder(Header).Append("\r\n");
        for (var i = 0; i <= 200_000; i++)
        {
            text.Append("d,,,Grant,Announced,,,,,\r\n");
        }

        return Bytes(text.ToString());
    }

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);
}
