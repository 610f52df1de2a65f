using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace AiDeals.Tests.Shared;

/// <summary>
/// The PostgreSQL server the tests run on when <c>AIDEALS_TEST_PROVIDER=PostgreSql</c>: the one named by
/// <c>AIDEALS_TEST_POSTGRES</c> (a connection string of a user allowed to CREATE DATABASE), else a throw-away cluster
/// this process starts (initdb and pg_ctl in a temp folder, a free loopback port, trust authentication, stopped when
/// the process exits), so that a plain <c>dotnet test</c> needs no set-up. Missing PostgreSQL programs are a failure
/// that names what to install, never a skipped test. Shared by the test projects (linked into each).
/// </summary>
internal static class PostgresServer
{
    public const string ServerVariable = "AIDEALS_TEST_POSTGRES";
    public const string ProviderVariable = "AIDEALS_TEST_PROVIDER";

    private static readonly Lazy<string> Server = new(StartOrConfigured, LazyThreadSafetyMode.ExecutionAndPublication);
    private static int _databases;

    /// <summary>Whether this run's tests use PostgreSQL (<c>AIDEALS_TEST_PROVIDER=PostgreSql</c>; SQLite otherwise).</summary>
    public static bool Selected => string.Equals(Environment.GetEnvironmentVariable(ProviderVariable), "PostgreSql", StringComparison.OrdinalIgnoreCase);

    /// <summary>The server's connection string (to its maintenance database), the cluster started on first use.</summary>
    public static string ConnectionString => Server.Value;

    /// <summary>The connection string of a database of this name on the server.</summary>
    public static string Database(string name) => new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ToString();

    /// <summary>A new database's name, unique on the server across the test processes that share it.</summary>
    public static string NewName(string prefix) => string.Create(CultureInfo.InvariantCulture,
        $"{prefix}_{Interlocked.Increment(ref _databases)}_{Guid.NewGuid():N}").ToLowerInvariant();

    /// <summary>Creates a database, empty or as a copy of <paramref name="template"/> (which no session may be using).</summary>
    public static async Task CreateDatabaseAsync(string name, string? template = null)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = template is null ? $"CREATE DATABASE \"{name}\"" : $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"";
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Drops a database, closing the sessions still on it.</summary>
    public static async Task DropDatabaseAsync(string name)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)";
        await command.ExecuteNonQueryAsync();
    }

    private static string StartOrConfigured()
    {
        var configured = Environment.GetEnvironmentVariable(ServerVariable);
        return string.IsNullOrWhiteSpace(configured) ? StartCluster() : configured;
    }

    private static string StartCluster()
    {
        var bin = FindBin() ?? throw new InvalidOperationException(
            $"The tests run on PostgreSQL ({ProviderVariable}=PostgreSql) but no PostgreSQL server is configured ({ServerVariable}) "
            + "and initdb and pg_ctl were not found (on PATH or in /usr/lib/postgresql/*/bin): install PostgreSQL "
            + "(Debian: apt-get install postgresql) or set " + ServerVariable + " to a connection string of a user allowed to CREATE DATABASE.");
        var folder = Path.Combine(Path.GetTempPath(), $"aideals-pg-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var data = Path.Combine(folder, "data");
        // initdb refuses to run as root: the cluster then belongs to nobody, in a folder nobody owns.
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            Run("chown", ["nobody", folder]);
        }

        var port = FreePort();
        RunAs(asRoot, Path.Combine(bin, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"]);
        RunAs(asRoot, Path.Combine(bin, "pg_ctl"), ["-D", data, "-l", Path.Combine(folder, "log"), "-w", "-t", "60", "-o",
            $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
            "start"]);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                RunAs(asRoot, Path.Combine(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"]);
                Directory.Delete(folder, recursive: true);
            }
            catch (InvalidOperationException)
            {
                // The process is ending: a cluster left in the temp folder is the worst outcome, and it says so in its log.
            }
        };
        return $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Include Error Detail=true";
    }

    private static string? FindBin()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
        {
            if (File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl")))
            {
                return dir;
            }
        }

        const string Debian = "/usr/lib/postgresql";
        return Directory.Exists(Debian)
            ? Directory.GetDirectories(Debian).Select(v => Path.Combine(v, "bin")).Where(b => File.Exists(Path.Combine(b, "initdb")))
                .OrderByDescending(b => b, StringComparer.Ordinal).FirstOrDefault()
            : null;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void RunAs(bool asRoot, string program, string[] arguments) =>
        Run(asRoot ? "runuser" : program, asRoot ? ["-u", "nobody", "--", program, .. arguments] : arguments);

    private static void Run(string program, string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {error}{output.Result}");
        }
    }
}
