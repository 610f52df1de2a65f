using AiDeals.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AiDeals.Core.Data.Configurations;

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> builder)
    {
        builder.ConfigureEditable();
        // Its triggers keep the deal list's sort keys and search text (see DealListKeys): SQLite refuses RETURNING then.
        builder.ToTable(t => t.UseSqlReturningClause(false));
        builder.Property(o => o.Name).HasMaxLength(OrganizationLimits.Name);
        builder.Property(o => o.NormalizedName).HasMaxLength(OrganizationLimits.Name);
        builder.HasIndex(o => o.NormalizedName).IsUnique();
        builder.Property(o => o.Slug).HasMaxLength(200);
        builder.HasIndex(o => o.Slug).IsUnique();
        builder.Property(o => o.Country).HasMaxLength(2);
        builder.Property(o => o.Website).HasMaxLength(OrganizationLimits.Website);
        builder.Property(o => o.Description).HasMaxLength(OrganizationLimits.Description);
        builder.HasIndex(o => o.Type);
        builder.HasMany(o => o.Aliases).WithOne(a => a.Organization).HasForeignKey(a => a.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}
