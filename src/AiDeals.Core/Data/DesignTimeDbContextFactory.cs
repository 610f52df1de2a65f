using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace AiDeals.Core.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the web app.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<AiDealsDbContext>
{
    public AiDealsDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<AiDealsDbContext>();
        DataServiceCollectionExtensions.ConfigureSqlite(options, "Data Source=design-time.db", new AuditInterceptor(TimeProvider.System));
        return new AiDealsDbContext(options.Options);
    }
}
