using AiDeals.Core.Features;
using AiDeals.Core.Features.Accounts;

namespace AiDeals.Web.Features.Api;

/// <summary>
/// The five endpoints every simple record shares (valuations, market events, sources): its form with its version, create,
/// update, delete and restore, each write through its command. <typeparamref name="TForm"/> is the editor's form, so a
/// script sends what the editor saves and meets the same rules. <c>At</c> puts the address's id and the version read into
/// a form (the forms' setters are their own; <see cref="IEditForm"/> only reads them).
/// </summary>
internal sealed record FormEndpoints<TForm>(
    string Path,
    string Name,
    Func<IServiceProvider, int, CancellationToken, Task<TForm?>> Read,
    Func<TForm, Command> Create,
    Func<TForm, Command> Update,
    Action<TForm, int, int> At,
    Func<int, int, Command> Delete,
    Func<int, int, Command> Restore)
    where TForm : class, IEditForm
{
    public void Map(RouteGroupBuilder api)
    {
        var what = Name.ToLowerInvariant();
        api.MapGet(Path + "/{id:int}", async (int id, HttpContext http, CancellationToken ct) =>
            {
                var form = await Read(http.RequestServices, id, ct);
                return ApiResults.Record(http, form, form?.Version ?? 0, $"{what} with this id");
            })
            .WithName($"Get{Name}").WithSummary($"A {what} as its editable form, with its version (also its ETag).")
            .Produces<TForm>().AsRecordRead();

        api.MapPost(Path, async (TForm form, HttpContext http, CommandRunner runner, CancellationToken ct) =>
                await ApiResults.FromAsync(http, await runner.RunAsync(Actor.FromPrincipal(http.User), Create(form), ct), ReadBack(http, ct), id => $"{ApiWebExtensions.Prefix}{Path}/{id}"))
            .WithName($"Create{Name}").WithSummary($"Adds a {what}.")
            .Produces<TForm>(StatusCodes.Status201Created).AsWrite();

        api.MapPut(Path + "/{id:int}", async (int id, TForm form, HttpContext http, CommandRunner runner, CancellationToken ct) =>
            {
                At(form, id, ApiResults.Version(http, form.Version) ?? form.Version);
                return await ApiResults.FromAsync(http, await runner.RunAsync(Actor.FromPrincipal(http.User), Update(form), ct), ReadBack(http, ct));
            })
            .WithName($"Update{Name}").WithSummary($"Saves the form over the {what}, if nobody saved it since its version (else 409).")
            .Produces<TForm>().AsWrite();

        api.MapDelete(Path + "/{id:int}", async (int id, int? version, HttpContext http, CommandRunner runner, CancellationToken ct) =>
                ApiResults.Version(http, version) is { } v
                    ? await ApiResults.FromAsync(http, await runner.RunAsync(Actor.FromPrincipal(http.User), Delete(id, v), ct))
                    : ApiResults.MissingVersion())
            .WithName($"Delete{Name}").WithSummary($"Deletes the {what} (softly: it can be restored), at the version read.")
            .Produces(StatusCodes.Status204NoContent).AsWrite();

        api.MapPost(Path + "/{id:int}/restore", async (int id, int? version, HttpContext http, CommandRunner runner, CancellationToken ct) =>
                ApiResults.Version(http, version) is { } v
                    ? await ApiResults.FromAsync(http, await runner.RunAsync(Actor.FromPrincipal(http.User), Restore(id, v), ct), ReadBack(http, ct))
                    : ApiResults.MissingVersion())
            .WithName($"Restore{Name}").WithSummary($"Brings a deleted {what} back, at the version it was deleted at (the history gives it).")
            .Produces<TForm>().AsWrite();
    }

    private Func<int, Task<object?>> ReadBack(HttpContext http, CancellationToken ct) =>
        async id => await Read(http.RequestServices, id, ct);
}
