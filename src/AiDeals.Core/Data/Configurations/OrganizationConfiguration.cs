using AiDeals.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AiDeals.Core.Data.Configurations;

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> builder)
    {
        builder.ConfigureEditable();
        builder.Property(o => o.Name).HasMaxLength(200);
        builder.Property(o => o.NormalizedName).HasMaxLength(200);
        builder.HasIndex(o => o.NormalizedName).IsUnique();
        builder.Property(o => o.Slug).HasMaxLength(200);
        builder.HasIndex(o => o.Slug).IsUnique();
        builder.Property(o => o.Country).HasMaxLength(2);
        builder.Property(o => o.Website).HasMaxLength(2048);
        builder.Property(o => o.Description).HasMaxLength(4000);
        builder.HasIndex(o => o.Type);
        builder.HasMany(o => o.Aliases).WithOne(a => a.Organization).HasForeignKey(a => a.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}
