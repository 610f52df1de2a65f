using AiDeals.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AiDeals.Core.Data.Configurations;

internal sealed class OrganizationAliasConfiguration : IEntityTypeConfiguration<OrganizationAlias>
{
    public void Configure(EntityTypeBuilder<OrganizationAlias> builder)
    {
        builder.Property(a => a.Name).HasMaxLength(OrganizationLimits.Name);
        builder.Property(a => a.NormalizedName).HasMaxLength(OrganizationLimits.Name);
        builder.HasIndex(a => a.NormalizedName).IsUnique();
        builder.HasQueryFilter(SoftDeleteFilters.AliasOfLiveOrganization);
        // Its triggers keep the deal list's search text (see DealListKeys): SQLite refuses RETURNING then.
        builder.ToTable(t => t.UseSqlReturningClause(false));
    }
}
