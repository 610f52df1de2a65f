using System.Linq.Expressions;
using AiDeals.Core.Domain;

namespace AiDeals.Core.Data;

/// <summary>
/// The query filters that hide soft-deleted rows, written once: the entity configurations declare them, and the compiled
/// model (which EF Core generates without query filters) gets the same ones when it loads (<c>CompiledModel/</c>).
/// </summary>
internal static class SoftDeleteFilters
{
    /// <summary>A row of its own that can be deleted.</summary>
    public static Expression<Func<T, bool>> NotDeleted<T>()
        where T : EditableEntity => e => e.DeletedAt == null;

    /// <summary>An alias lives as long as its organization.</summary>
    public static readonly Expression<Func<OrganizationAlias, bool>> AliasOfLiveOrganization = a => a.Organization!.DeletedAt == null;

    /// <summary>An event's organization rows live as long as the event.</summary>
    public static readonly Expression<Func<MarketEventOrganization, bool>> OfLiveMarketEvent = x => x.MarketEvent!.DeletedAt == null;

    /// <summary>The filter an entity type of the model has, or none.</summary>
    public static LambdaExpression? For(Type clrType)
    {
        ArgumentNullException.ThrowIfNull(clrType);
        if (clrType == typeof(OrganizationAlias))
        {
            return AliasOfLiveOrganization;
        }

        if (clrType == typeof(MarketEventOrganization))
        {
            return OfLiveMarketEvent;
        }

        return typeof(EditableEntity).IsAssignableFrom(clrType)
            ? (LambdaExpression)typeof(SoftDeleteFilters).GetMethod(nameof(NotDeleted))!.MakeGenericMethod(clrType).Invoke(null, null)!
            : null;
    }
}
