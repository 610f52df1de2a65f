using AiDeals.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace AiDeals.Migrations.PostgreSql;

/// <summary>
/// Lets `dotnet ef migrations add NAME --project src/AiDeals.Migrations.PostgreSql --startup-project
/// src/AiDeals.Migrations.PostgreSql` build the model on Npgsql without a server (adding a migration connects to none).
/// </summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<AiDealsDbContext>
{
    public AiDealsDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<AiDealsDbContext>();
        DataServiceCollectionExtensions.ConfigurePostgreSql(options, "Host=localhost;Database=aideals_design_time", new AuditInterceptor(TimeProvider.System));
        return new AiDealsDbContext(options.Options);
    }
}
