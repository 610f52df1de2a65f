using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Internal;

namespace AiDeals.Core.Data.CompiledModel;

/// <summary>
/// Written by hand, beside the generated files: EF Core generates compiled models without query filters, so the soft
/// delete's filters (<see cref="SoftDeleteFilters"/>) are put back here, as the runtime model stores them: one anonymous
/// filter per entity type. <c>CompiledModelTests</c> fails if this and the configurations ever disagree.
/// </summary>
public partial class AiDealsDbContextModel
{
    partial void Customize()
    {
        foreach (var entityType in ((IModel)this).GetEntityTypes().Cast<RuntimeEntityType>())
        {
            if (SoftDeleteFilters.For(entityType.ClrType) is { } filter)
            {
                // The runtime model's own representation (EF Core's internal API): CompiledModelTests catches a change of it.
#pragma warning disable EF1001
                entityType.AddAnnotation(CoreAnnotationNames.QueryFilter, new QueryFilterCollection([new RuntimeQueryFilter(null, filter)]));
#pragma warning restore EF1001
            }
        }
    }
}
