using System.Globalization;
using AiDeals.Core.Features;
using Microsoft.Net.Http.Headers;

namespace AiDeals.Web.Features.Api;

/// <summary>
/// The one place a command's outcome becomes an HTTP answer: saved → 200 (201 for a new record, 204 for a delete) with
/// the record and its ETag; invalid → 400 with the messages keyed as the form's fields; conflict → 409 with who saved, when,
/// and the record as it is now (412 with the current ETag when the stale version came as <c>If-Match</c>); not found → 404; forbidden → 403. And the ETag rules of single records.
/// </summary>
internal static class ApiResults
{
    /// <summary>A record's ETag: its version, which every save raises.</summary>
    public static string ETag(int version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>
    /// The record, with its version as ETag; 304 without a body when the caller's <c>If-None-Match</c> holds that version,
    /// 404 when there is no record.
    /// </summary>
    public static IResult Record<T>(HttpContext http, T? record, int version, string what)
        where T : class
    {
        if (record is null)
        {
            return NotFound(what);
        }

        var etag = ETag(version);
        http.Response.Headers.ETag = etag;
        var matches = http.Request.GetTypedHeaders().IfNoneMatch;
        return matches.Any(m => m.Equals(EntityTagHeaderValue.Any) || string.Equals(m.Tag.Value, etag, StringComparison.Ordinal))
            ? Results.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Ok(record);
    }

    public static IResult NotFound(string what) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"There is no {what}.");

    /// <summary>
    /// The version an update or delete is made against: <c>If-Match</c> when the caller sent one (an ETag from a read),
    /// else <paramref name="fallback"/> (the body's or the query's <c>version</c>).
    /// </summary>
    public static int? Version(HttpContext http, int? fallback) => IfMatchVersion(http) ?? fallback;

    /// <summary>The version of the caller's <c>If-Match</c>, when it sent one that is a record's ETag.</summary>
    private static int? IfMatchVersion(HttpContext http)
    {
        var ifMatch = http.Request.GetTypedHeaders().IfMatch.FirstOrDefault();
        return ifMatch is not null && int.TryParse(ifMatch.Tag.Value?.Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? version
            : null;
    }

    /// <summary>A version the caller must give (in the query or as If-Match), or a 400 saying so.</summary>
    public static IResult MissingVersion() => TypedResults.ValidationProblem(
        new Dictionary<string, string[]> { ["version"] = ["Give the version you read (the record's version, or its ETag as If-Match)."] });

    /// <summary>
    /// The answer to a command: on a save, <paramref name="read"/> reads the record back (null answers 204, for a delete),
    /// and <paramref name="location"/> makes it 201 Created at that address.
    /// </summary>
    public static async Task<IResult> FromAsync(
        HttpContext http, CommandResult result, Func<int, Task<object?>>? read = null, Func<int, string>? location = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        switch (result.Outcome)
        {
            case CommandOutcome.Saved:
                http.Response.Headers.ETag = ETag(result.Version!.Value);
                var record = read is null ? null : await read(result.Id!.Value);
                return record is null ? TypedResults.NoContent()
                    : location is null ? TypedResults.Ok(record)
                    : TypedResults.Created(location(result.Id!.Value), record);
            case CommandOutcome.Invalid:
                return TypedResults.ValidationProblem(result.Errors, title: "The request breaks the rules.");
            case CommandOutcome.Conflict:
                var conflict = result.Conflict!;
                // A stale If-Match is a failed precondition (RFC 9110 §13.1.1): 412 with the record's ETag now, so the
                // caller reads again; a stale version in the body stays a 409, as for the editors.
                var precondition = IfMatchVersion(http) is not null;
                if (precondition)
                {
                    http.Response.Headers.ETag = ETag(conflict.CurrentVersion);
                }

                return TypedResults.Problem(
                    statusCode: precondition ? StatusCodes.Status412PreconditionFailed : StatusCodes.Status409Conflict,
                    title: "Someone saved this record since you read it.",
                    detail: conflict.ChangedBy is null
                        ? "Read it again and apply your change to the current version."
                        : $"{conflict.ChangedBy} saved it at {conflict.ChangedAtUtc:yyyy-MM-dd HH:mm:ss} UTC. Read it again and apply your change to version {conflict.CurrentVersion}.",
                    extensions: new Dictionary<string, object?>
                    {
                        ["changedBy"] = conflict.ChangedBy,
                        ["changedAtUtc"] = conflict.ChangedAtUtc,
                        ["currentVersion"] = conflict.CurrentVersion,
                        ["current"] = conflict.TheirsForm,
                    });
            case CommandOutcome.NotFound:
                return NotFound("such record (it may have been deleted)");
            default:
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status403Forbidden,
                    title: "Forbidden",
                    detail: "Only analysts and admins change data.");
        }
    }
}
