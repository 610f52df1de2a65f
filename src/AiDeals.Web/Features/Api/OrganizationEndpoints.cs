using AiDeals.Core.Domain;
using AiDeals.Core.Features;
using AiDeals.Core.Features.Accounts;
using AiDeals.Core.Features.Organizations;

namespace AiDeals.Web.Features.Api;

/// <summary><c>/api/v1/organizations</c>: search, profiles with their figures, and the organization commands (merge included).</summary>
internal static class OrganizationEndpoints
{
    private const string Path = "/organizations";

    public static void MapOrganizationEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet(Path, async (HttpRequest request, OrganizationQueries queries, CancellationToken ct) =>
            {
                var types = request.Query["type"].Select(ApiQuery.Enum<OrganizationType>).OfType<OrganizationType>().Distinct().ToList();
                return TypedResults.Ok(await queries.ListAsync(ApiQuery.Text(request, "q"), types, ApiQuery.Page(request), ct));
            })
            .WithName("ListOrganizations")
            .WithSummary("Organizations by name, a page at a time (page, size), with how many match; q matches names and aliases, type (repeatable) keeps those types.")
            .AsCachedRead();

        api.MapGet(Path + "/{slug}", async (string slug, HttpContext http, OrganizationProfileQueries profiles, CancellationToken ct) =>
            {
                var profile = await profiles.GetProfileAsync(slug, ct);
                return ApiResults.Record(http, profile, profile?.Version ?? 0, "organization at this address");
            })
            .WithName("GetOrganization").WithSummary("An organization's profile: its commitments and totals, deals into it, valuations, events and citations.")
            .Produces<OrganizationProfile>().AsRecordRead();

        api.MapGet(Path + "/{id:int}/form", async (int id, HttpContext http, OrganizationQueries queries, CancellationToken ct) =>
            {
                var form = await queries.GetFormAsync(id, ct);
                return ApiResults.Record(http, form, form?.Version ?? 0, "organization with this id");
            })
            .WithName("GetOrganizationForm").WithSummary("An organization as its editable form, with its version: the body to change and PUT back.")
            .Produces<OrganizationForm>().AsRecordRead();

        api.MapPost(Path, async (OrganizationForm form, HttpContext http, CommandRunner runner, OrganizationQueries queries, CancellationToken ct) =>
                await ApiResults.FromAsync(
                    http, await runner.RunAsync(Actor.FromPrincipal(http.User), new CreateOrganization(form), ct),
                    async id => await queries.GetFormAsync(id, ct), id => $"{ApiWebExtensions.Prefix}{Path}/{id}/form"))
            .WithName("CreateOrganization").WithSummary("Adds an organization.")
            .Produces<OrganizationForm>(StatusCodes.Status201Created).AsWrite();

        api.MapPut(Path + "/{id:int}", async (int id, OrganizationForm form, HttpContext http, CommandRunner runner, OrganizationQueries queries, CancellationToken ct) =>
            {
                form.Id = id;
                form.Version = ApiResults.Version(http, form.Version) ?? form.Version;
                return await ApiResults.FromAsync(
                    http, await runner.RunAsync(Actor.FromPrincipal(http.User), new UpdateOrganization(form), ct), async saved => await queries.GetFormAsync(saved, ct));
            })
            .WithName("UpdateOrganization").WithSummary("Saves the form over the organization, if nobody saved it since its version (else 409).")
            .Produces<OrganizationForm>().AsWrite();

        api.MapDelete(Path + "/{id:int}", async (int id, int? version, HttpContext http, CommandRunner runner, CancellationToken ct) =>
                ApiResults.Version(http, version) is { } v
                    ? await ApiResults.FromAsync(http, await runner.RunAsync(Actor.FromPrincipal(http.User), new DeleteOrganization(id, v), ct))
                    : ApiResults.MissingVersion())
            .WithName("DeleteOrganization").WithSummary("Deletes the organization (softly: it can be restored), at the version read.")
            .Produces(StatusCodes.Status204NoContent).AsWrite();

        api.MapPost(Path + "/{id:int}/restore", async (int id, int? version, HttpContext http, CommandRunner runner, OrganizationQueries queries, CancellationToken ct) =>
                ApiResults.Version(http, version) is { } v
                    ? await ApiResults.FromAsync(
                        http, await runner.RunAsync(Actor.FromPrincipal(http.User), new RestoreOrganization(id, v), ct), async saved => await queries.GetFormAsync(saved, ct))
                    : ApiResults.MissingVersion())
            .WithName("RestoreOrganization").WithSummary("Brings a deleted organization back, at the version it was deleted at (the history gives it).")
            .Produces<OrganizationForm>().AsWrite();

        api.MapPost(Path + "/{id:int}/merge", async (int id, MergeRequest merge, HttpContext http, CommandRunner runner, OrganizationQueries queries, CancellationToken ct) =>
                await ApiResults.FromAsync(
                    http, await runner.RunAsync(Actor.FromPrincipal(http.User), new MergeOrganizations(id, merge.MergedId), ct), async saved => await queries.GetFormAsync(saved, ct)))
            .WithName("MergeOrganizations").WithSummary("Folds the organization mergedId into this one: its deals, valuations, events and citations move here, its name becomes an alias.")
            .Produces<OrganizationForm>().AsWrite();
    }

    /// <summary>The duplicate to fold into the organization of the address.</summary>
    internal sealed record MergeRequest(int MergedId);
}
