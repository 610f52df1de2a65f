using AiDeals.Core.Features.SavedViews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AiDeals.Core.Data.Configurations;

internal sealed class SavedViewConfiguration : IEntityTypeConfiguration<SavedView>
{
    public void Configure(EntityTypeBuilder<SavedView> builder)
    {
        builder.ConfigureEditable();
        builder.Property(v => v.Owner).HasMaxLength(256);
        builder.Property(v => v.Name).HasMaxLength(SavedViewLimits.Name);
        builder.Property(v => v.Query).HasMaxLength(SavedViewLimits.Query);

        // A live name once per owner (the validator compares without case first; this catches two saves at once).
        // Deleted views keep their rows for the history without holding their names.
        builder.HasIndex(v => new { v.Owner, v.Name }).IsUnique().HasFilter("\"DeletedAt\" IS NULL");

        // The menu reads the team's shared views.
        builder.HasIndex(v => v.IsShared).HasFilter("\"DeletedAt\" IS NULL");
    }
}
