using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AiDeals.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class AmountsInTheirCurrency : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Currency",
                table: "Deals",
                type: "TEXT",
                maxLength: 3,
                nullable: false,
                defaultValue: "USD");

            migrationBuilder.AddColumn<DateOnly>(
                name: "RateOn",
                table: "Deals",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "RateUnitsPerUsd",
                table: "Deals",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ReportedHigh",
                table: "Deals",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ReportedLow",
                table: "Deals",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReportedQualifier",
                table: "Deals",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ExchangeRates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    UnitsPerUsd = table.Column<double>(type: "REAL", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    DeletedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExchangeRates", x => x.Id);
                    table.CheckConstraint("CK_ExchangeRates_Positive", "\"UnitsPerUsd\" > 0");
                });

            migrationBuilder.CreateIndex(
                name: "IX_Deals_Currency_AnnouncedOn",
                table: "Deals",
                columns: new[] { "Currency", "AnnouncedOn" },
                filter: "\"Currency\" <> 'USD'");

            migrationBuilder.CreateIndex(
                name: "IX_ExchangeRates_Currency_On",
                table: "ExchangeRates",
                columns: new[] { "Currency", "On" },
                unique: true,
                filter: "\"DeletedAt\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ExchangeRates");

            migrationBuilder.DropIndex(
                name: "IX_Deals_Currency_AnnouncedOn",
                table: "Deals");

            migrationBuilder.DropColumn(
                name: "Currency",
                table: "Deals");

            migrationBuilder.DropColumn(
                name: "RateOn",
                table: "Deals");

            migrationBuilder.DropColumn(
                name: "RateUnitsPerUsd",
                table: "Deals");

            migrationBuilder.DropColumn(
                name: "ReportedHigh",
                table: "Deals");

            migrationBuilder.DropColumn(
                name: "ReportedLow",
                table: "Deals");

            migrationBuilder.DropColumn(
                name: "ReportedQualifier",
                table: "Deals");
        }
    }
}
