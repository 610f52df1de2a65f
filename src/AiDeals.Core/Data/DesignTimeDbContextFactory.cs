using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace AiDeals.Core.Data;

/// <summary>
/// Lets `dotnet ef migrations add` build the model without starting the web app, and `dotnet ef dbcontext optimize`
/// generate the compiled model (src/AiDeals.Core/Data/CompiledModel/regenerate.sh passes <see cref="WithoutQueryFilters"/>).
/// </summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<AiDealsDbContext>
{
    /// <summary>The model without its query filters, which EF Core cannot generate into a compiled model.</summary>
    public const string WithoutQueryFilters = "--without-query-filters";

    public AiDealsDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<AiDealsDbContext>();
        DataServiceCollectionExtensions.ConfigureSqlite(options, "Data Source=design-time.db", new AuditInterceptor(TimeProvider.System));
        if (args.Contains(WithoutQueryFilters, StringComparer.Ordinal))
        {
            options.ReplaceService<IModelCustomizer, QueryFilterlessModelCustomizer>();
        }

        return new AiDealsDbContext(options.Options);
    }

    private sealed class QueryFilterlessModelCustomizer(ModelCustomizerDependencies dependencies) : RelationalModelCustomizer(dependencies)
    {
        public override void Customize(ModelBuilder modelBuilder, DbContext context)
        {
            base.Customize(modelBuilder, context);
            foreach (var entityType in modelBuilder.Model.GetEntityTypes())
            {
                entityType.SetQueryFilter((LambdaExpression?)null);
            }
        }
    }
}
