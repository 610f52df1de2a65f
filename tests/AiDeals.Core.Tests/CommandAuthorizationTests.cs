using System.Collections;
using System.Reflection;
using System.Text;
using AiDeals.Core.Data;
using AiDeals.Core.Features;
using AiDeals.Core.Features.Accounts;
using AiDeals.Core.Features.Deals;
using AiDeals.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static AiDeals.Core.Tests.Support.DealFixtures;

namespace AiDeals.Core.Tests;

/// <summary>
/// Every write command in Core, found by reflection so that a command added later is checked without anyone listing it:
/// every public concrete <see cref="Command"/> in <c>AiDeals.Core</c>. Built with plausible, mostly valid arguments and
/// run by the <see cref="CommandRunner"/> for an anonymous caller and for a viewer, each must answer Forbidden and leave
/// every row of every table as it was. Account commands (Identity's users) are not <see cref="Command"/>s; they are
/// checked by the account tests.
/// </summary>
public class CommandAuthorizationTests
{
    private static readonly Actor Viewer = Actor.Create("viewer@x", Roles.Viewer);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>Each command by its type's name and constructor: "UpdateDeal(DealForm)".</summary>
    public static TheoryData<string> CommandNames => [.. Commands().Keys];

    [Fact]
    public void Commands_FoundByReflection_IncludeEveryKindOfWrite()
    {
        var names = Commands().Values.Select(c => c.DeclaringType!.Name).ToHashSet(StringComparer.Ordinal);

        Assert.Superset(
            new HashSet<string>(StringComparer.Ordinal)
            {
                "CreateValuation", "UpdateValuation", "DeleteValuation", "RestoreValuation",
                "CreateDeal", "UpdateDeal", "DeleteDeal", "RestoreDeal",
                "CreateOrganization", "UpdateOrganization", "DeleteOrganization", "RestoreOrganization", "MergeOrganizations",
                "CreateMarketEvent", "UpdateMarketEvent", "DeleteMarketEvent", "RestoreMarketEvent",
                "CreateSource", "UpdateSource", "DeleteSource", "RestoreSource",
                "CiteRecord",
                "SaveView", "UpdateSavedView", "DeleteSavedView",
                "WatchRecord", "UnwatchRecord", "MarkChangesSeen", "CreateWatchFeed", "RevokeWatchFeed",
            },
            names);
    }

    [Fact]
    public void Writes_OutsideTheRunner_AreNone()
    {
        // A public method that takes the actor and answers a CommandResult would be a write the runner does not guard.
        var bypasses = typeof(Command).Assembly.GetExportedTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => m.ReturnType == typeof(Task<CommandResult>) && m.GetParameters() is [{ ParameterType: var first }, ..] && first == typeof(Actor))
            .Where(m => m.DeclaringType != typeof(CommandRunner))
            .Select(m => $"{m.DeclaringType!.Name}.{m.Name}");

        Assert.Empty(bypasses);
    }

    [Theory]
    [MemberData(nameof(CommandNames))]
    public async Task Command_AnonymousOrViewer_IsForbiddenAndChangesNoRow(string command)
    {
        var constructor = Commands()[command];
        await using var database = await TestDatabase.CreateSeededAsync();
        var before = await SnapshotAsync(database);

        foreach (var actor in new[] { Actor.Anonymous, Viewer })
        {
            var arguments = await ArgumentsAsync(constructor.GetParameters(), database);
            var result = await database.Commands.RunAsync(actor, (Command)constructor.Invoke(arguments), Token);

            Assert.True(result.Outcome == CommandOutcome.Forbidden, $"{command} as '{actor.UserName}' answered {result.Outcome}, not Forbidden.");
            Assert.Equal(before, await SnapshotAsync(database));
        }
    }

    private static Dictionary<string, ConstructorInfo> Commands() =>
        typeof(Command).Assembly.GetExportedTypes()
            .Where(t => typeof(Command).IsAssignableFrom(t) && !t.IsAbstract)
            .SelectMany(t => t.GetConstructors())
            .ToDictionary(Describe, StringComparer.Ordinal);

    private static string Describe(ConstructorInfo constructor) =>
        $"{constructor.DeclaringType!.Name}({string.Join(", ", constructor.GetParameters().Select(p => p.ParameterType.Name))})";

    /// <summary>What a caller would plausibly pass: a valid deal form, real ids, and other forms filled with sensible values.</summary>
    private static async Task<object?[]> ArgumentsAsync(ParameterInfo[] parameters, TestDatabase database)
    {
        var arguments = new object?[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            var type = parameters[i].ParameterType;
            arguments[i] = type == typeof(DealForm) ? await ValidDealFormAsync(database)
                : await PlausibleAsync(type, parameters[i].Name ?? string.Empty, database);
        }

        return arguments;
    }

    private static async Task<DealForm> ValidDealFormAsync(TestDatabase database)
    {
        var form = await NewFormAsync(database);
        var existing = await FormOfAsync(database, "SoftBank investment in WeWork");
        (form.Id, form.Version) = (existing.Id, existing.Version);
        return form;
    }

    private static async Task<object?> PlausibleAsync(Type type, string name, TestDatabase database)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying == typeof(int) || underlying == typeof(long))
        {
            // An id or a version: the first deal's (ids start at 1 in every table), so a permitted call would find it.
            await using var db = await database.CreateContextAsync();
            var value = name.Contains("version", StringComparison.OrdinalIgnoreCase)
                ? await db.Deals.OrderBy(d => d.Id).Select(d => d.Version).FirstAsync(Token)
                : 1;
            return Convert.ChangeType(value, underlying, System.Globalization.CultureInfo.InvariantCulture);
        }

        if (underlying == typeof(string))
        {
            return "Probe " + name;
        }

        if (underlying.IsEnum || underlying.IsValueType)
        {
            return Activator.CreateInstance(underlying);
        }

        if (underlying.IsArray || (typeof(IEnumerable).IsAssignableFrom(underlying) && underlying.IsInterface))
        {
            return Array.CreateInstance(underlying.IsArray ? underlying.GetElementType()! : underlying.GetGenericArguments().FirstOrDefault() ?? typeof(object), 0);
        }

        // A form: a default instance with its text, ids, dates and web addresses filled in.
        var form = underlying.GetConstructor(Type.EmptyTypes) is not null
            ? Activator.CreateInstance(underlying)!
            : System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(underlying);
        foreach (var property in underlying.GetProperties().Where(p => p.CanWrite && p.SetMethod!.IsPublic))
        {
            var value = Fill(property);
            if (value is not null)
            {
                property.SetValue(form, value);
            }
        }

        return form;
    }

    private static object? Fill(PropertyInfo property)
    {
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        var name = property.Name;
        return type switch
        {
            _ when type == typeof(string) && (name.Contains("Url", StringComparison.Ordinal) || name.Contains("Website", StringComparison.Ordinal)) => "https://example.com/probe",
            _ when type == typeof(string) && name == "Country" => "US",
            _ when type == typeof(string) && name == "Reason" => null,
            _ when type == typeof(string) => "Probe " + name,
            _ when type == typeof(int) && name.EndsWith("Id", StringComparison.Ordinal) => 1,
            _ when type == typeof(long) => 1_000_000_000L,
            _ when type == typeof(DateOnly) => new DateOnly(2025, 1, 1),
            _ => null,
        };
    }

    /// <summary>Every row of every table (the app's, Identity's and the audit log) as text: equal snapshots, no change.</summary>
    private static async Task<Dictionary<string, string>> SnapshotAsync(TestDatabase database)
    {
        await using var connection = await database.OpenConnectionAsync();
        var onPostgreSql = database.Provider == DatabaseProvider.PostgreSql;
        var tables = new List<string>();
        var withoutRowid = new HashSet<string>(StringComparer.Ordinal);
        await using (var list = connection.CreateCommand())
        {
            // SQLite: a virtual table (the free-text index) is left out: its shadow tables, listed too, hold what it stores.
            list.CommandText = onPostgreSql
                ? "SELECT table_name, false FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name COLLATE \"C\""
                : "SELECT name, sql LIKE '%WITHOUT ROWID%' FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name";
            await using var reader = await list.ExecuteReaderAsync(Token);
            while (await reader.ReadAsync(Token))
            {
                tables.Add(reader.GetString(0));
                if (reader.GetBoolean(1))
                {
                    withoutRowid.Add(reader.GetString(0));
                }
            }
        }

        Assert.Contains("AuditEntries", tables);
        Assert.Contains("Deals", tables);
        var snapshot = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            await using var select = connection.CreateCommand();
            // A table without a rowid (FTS5's index and config) by its primary key, its first two columns there; PostgreSQL
            // has no rowid: each row as its text, in order.
            select.CommandText = onPostgreSql
                ? $"SELECT CAST(t AS text) FROM \"{table}\" AS t ORDER BY 1"
                : $"SELECT * FROM \"{table}\" ORDER BY {(withoutRowid.Contains(table) ? "1, 2" : "rowid")}";
            await using var reader = await select.ExecuteReaderAsync(Token);
            var text = new StringBuilder();
            var rows = 0;
            while (await reader.ReadAsync(Token))
            {
                rows++;
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    text.Append(reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).Append('|');
                }

                text.Append('\n');
            }

            snapshot[table] = $"{rows} rows\n{text}";
        }

        return snapshot;
    }
}
