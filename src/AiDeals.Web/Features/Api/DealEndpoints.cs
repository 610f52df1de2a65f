using AiDeals.Core.Features;
using AiDeals.Core.Features.Accounts;
using AiDeals.Core.Features.Deals;

namespace AiDeals.Web.Features.Api;

/// <summary><c>/api/v1/deals</c>: the list (every filter and sort of <c>/deals</c>), one deal in full, and the deal commands.</summary>
internal static class DealEndpoints
{
    private const string Path = "/deals";

    public static void MapDealEndpoints(this RouteGroupBuilder api)
    {
        api.MapDealList(Path);

        api.MapGet(Path + "/{id:int}", async (int id, HttpContext http, DealDetailQueries details, CancellationToken ct) =>
            {
                var deal = await details.GetDetailAsync(id, ct);
                return ApiResults.Record(http, deal, deal?.Version ?? 0, "deal with this id");
            })
            .WithName("GetDeal").WithSummary("A deal with its participants, citations, parts, wider deals, valuations and events; its version is its ETag.")
            .Produces<DealDetail>().AsRecordRead();

        api.MapGet(Path + "/{id:int}/form", async (int id, HttpContext http, DealFormQueries forms, CancellationToken ct) =>
            {
                var form = await forms.GetFormAsync(id, ct);
                return ApiResults.Record(http, form, form?.Version ?? 0, "deal with this id");
            })
            .WithName("GetDealForm").WithSummary("A deal as its editable form (participants and citations with their ids), with its version: the body to change and PUT back.")
            .Produces<DealForm>().AsRecordRead();

        api.MapPost(Path, async (DealForm form, HttpContext http, CommandRunner runner, DealFormQueries forms, CancellationToken ct) =>
                await ApiResults.FromAsync(
                    http, await runner.RunAsync(Actor.FromPrincipal(http.User), new CreateDeal(form), ct),
                    async id => await forms.GetFormAsync(id, ct), id => $"{ApiWebExtensions.Prefix}{Path}/{id}"))
            .WithName("CreateDeal").WithSummary("Adds a deal with its participants and citations.")
            .Produces<DealForm>(StatusCodes.Status201Created).AsWrite();

        api.MapPut(Path + "/{id:int}", async (int id, DealForm form, HttpContext http, CommandRunner runner, DealFormQueries forms, CancellationToken ct) =>
            {
                form.Id = id;
                form.Version = ApiResults.Version(http, form.Version) ?? form.Version;
                return await ApiResults.FromAsync(
                    http, await runner.RunAsync(Actor.FromPrincipal(http.User), new UpdateDeal(form), ct), async saved => await forms.GetFormAsync(saved, ct));
            })
            .WithName("UpdateDeal").WithSummary("Saves the form over the deal if nobody saved it since its version (else 409); participants and citations are matched by id.")
            .Produces<DealForm>().AsWrite();

        api.MapDelete(Path + "/{id:int}", async (int id, int? version, HttpContext http, CommandRunner runner, CancellationToken ct) =>
                ApiResults.Version(http, version) is { } v
                    ? await ApiResults.FromAsync(http, await runner.RunAsync(Actor.FromPrincipal(http.User), new DeleteDeal(id, v), ct))
                    : ApiResults.MissingVersion())
            .WithName("DeleteDeal").WithSummary("Deletes the deal with its participants and citations (softly: it can be restored), at the version read.")
            .Produces(StatusCodes.Status204NoContent).AsWrite();

        api.MapPost(Path + "/{id:int}/restore", async (int id, HttpContext http, CommandRunner runner, DealFormQueries forms, CancellationToken ct) =>
                await ApiResults.FromAsync(
                    http, await runner.RunAsync(Actor.FromPrincipal(http.User), new RestoreDeal(id), ct), async saved => await forms.GetFormAsync(saved, ct)))
            .WithName("RestoreDeal").WithSummary("Brings a deleted deal back with the participants and citations deleted with it.")
            .Produces<DealForm>().AsWrite();
    }
}
