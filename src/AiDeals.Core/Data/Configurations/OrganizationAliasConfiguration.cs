using AiDeals.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AiDeals.Core.Data.Configurations;

internal sealed class OrganizationAliasConfiguration : IEntityTypeConfiguration<OrganizationAlias>
{
    public void Configure(EntityTypeBuilder<OrganizationAlias> builder)
    {
        builder.Property(a => a.Name).HasMaxLength(200);
        builder.Property(a => a.NormalizedName).HasMaxLength(200);
        builder.HasIndex(a => a.NormalizedName).IsUnique();
        builder.HasQueryFilter(a => a.Organization!.DeletedAt == null);
    }
}
