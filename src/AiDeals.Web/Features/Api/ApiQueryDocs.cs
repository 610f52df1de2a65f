using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AiDeals.Web.Features.Api;

/// <summary>
/// The query parameters of the list endpoints, for the OpenAPI document: the endpoints read them leniently from the
/// query (as the pages do, so a value they cannot read is ignored), which reflection cannot see.
/// </summary>
internal static class ApiQueryDocs
{
    private static readonly (string Name, JsonSchemaType Type, bool Many, string Description)[] Paging =
    [
        ("page", JsonSchemaType.Integer, false, "Page number from 1."),
        ("size", JsonSchemaType.Integer, false, "Rows per page, 1 to 500 (100 unless given)."),
    ];

    private static readonly Dictionary<string, (string Name, JsonSchemaType Type, bool Many, string Description)[]> ByOperation = new(StringComparer.Ordinal)
    {
        ["ListDeals"] =
        [
            ("investor", JsonSchemaType.String, true, "Slug of an organization taking part (any of them)."),
            ("target", JsonSchemaType.String, true, "Slug of the organization invested in (any of them)."),
            ("status", JsonSchemaType.String, true, "Rumored, InTalks, Announced, Completed or Abandoned (any of them)."),
            ("kind", JsonSchemaType.String, true, "EquityInvestment, InfrastructureCommitment, JointVenture, Partnership, Acquisition, Debt or Grant."),
            ("from", JsonSchemaType.String, false, "Announced on or after this day (yyyy-MM-dd): a deal's announced period ends on or after it."),
            ("to", JsonSchemaType.String, false, "Announced on or before this day (yyyy-MM-dd)."),
            ("min", JsonSchemaType.Integer, false, "At least this many dollars (compared with the high end of the amount)."),
            ("max", JsonSchemaType.Integer, false, "At most this many dollars (compared with the low end of the amount)."),
            ("q", JsonSchemaType.String, false, "Words that must each appear, as the start of a word, in the title, the notes or a name or alias of the deal's organizations."),
            ("sort", JsonSchemaType.String, false, "announced (default), title, target, investors, kind, status or amount."),
            ("desc", JsonSchemaType.Boolean, false, "Descending (default for announced and amount) or not."),
            ("page", JsonSchemaType.Integer, false, "Numbered page from 1 (without cursor and limit): costs more the deeper it is; the answer holds the total."),
            ("size", JsonSchemaType.Integer, false, "Rows per numbered page, 1 to 500 (100 unless given)."),
            ("cursor", JsonSchemaType.String, false, "Page token: the \"next\" of the previous answer, with the same filters, sort and desc (another sort's token is a 400). "
                + "Leave out for the first page. Paging by token reads every deal once, in the chosen sort, while others write."),
            ("limit", JsonSchemaType.Integer, false, "Rows per page when paging by token, 1 to 500 (100 unless given); giving it alone starts paging by token."),
        ],
        ["ListOrganizations"] =
        [
            ("q", JsonSchemaType.String, false, "Text found in the name or an alias, in any case."),
            ("type", JsonSchemaType.String, true, "Company, CorporateInvestor, VentureFund, SovereignFund, Conglomerate, Project or Government."),
        ],
        ["ListValuations"] = [("sort", JsonSchemaType.String, false, "asOf (default), organization, amount or kind."), ("desc", JsonSchemaType.Boolean, false, "Descending or not."), .. Paging],
        ["ListMarketEvents"] = [("sort", JsonSchemaType.String, false, "occurred (default), title or amount."), ("desc", JsonSchemaType.Boolean, false, "Descending or not."), .. Paging],
        ["ListSources"] =
        [
            ("q", JsonSchemaType.String, false, "Text found in the title or the publisher."),
            ("sort", JsonSchemaType.String, false, "publishedOn (default), title, publisher or citations."),
            ("desc", JsonSchemaType.Boolean, false, "Descending or not."),
            .. Paging,
        ],
        ["ListHistory"] =
        [
            ("user", JsonSchemaType.String, false, "The user who made the change."),
            ("type", JsonSchemaType.String, false, "Deal, Organization, Valuation, MarketEvent, Source, …"),
            ("id", JsonSchemaType.Integer, false, "One record's id (with type)."),
            ("from", JsonSchemaType.String, false, "First UTC day (yyyy-MM-dd)."),
            ("to", JsonSchemaType.String, false, "Last UTC day (yyyy-MM-dd)."),
            .. Paging,
        ],
    };

    public static OpenApiOptions AddListParameters(this OpenApiOptions options) =>
        options.AddOperationTransformer((operation, _, _) =>
        {
            if (operation.OperationId is { } id && ByOperation.TryGetValue(id, out var parameters))
            {
                operation.Parameters ??= [];
                foreach (var (name, type, many, description) in parameters)
                {
                    var schema = new OpenApiSchema { Type = type };
                    operation.Parameters.Add(new OpenApiParameter
                    {
                        Name = name,
                        In = ParameterLocation.Query,
                        Description = description,
                        Schema = many ? new OpenApiSchema { Type = JsonSchemaType.Array, Items = schema } : schema,
                        Explode = many,
                    });
                }
            }

            return Task.CompletedTask;
        });
}
