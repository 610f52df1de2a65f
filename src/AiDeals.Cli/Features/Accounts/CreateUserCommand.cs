using System.CommandLine;
using System.Security.Cryptography;
using AiDeals.Core.Features.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace AiDeals.Cli.Features.Accounts;

/// <summary>
/// <c>create-user EMAIL --role ROLE [--display-name NAME] [--password-stdin]</c>: an account created by the operator,
/// with the same rules and audit entry as an admin's on /admin/users (the audit names the operator's system user). Without
/// <c>--password-stdin</c> a password is generated and printed once; a password is never taken from the command line,
/// where the shell history and the process list would keep it.
/// </summary>
internal static class CreateUserCommand
{
    private const string Lower = "abcdefghijkmnpqrstuvwxyz";
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Digits = "23456789";

    public static Command Create(TextReader input)
    {
        var email = new Argument<string>("EMAIL") { Description = "The new account's email address, its user name." };
        var role = new Option<string>("--role") { Description = "Viewer, Analyst or Admin.", Required = true, HelpName = "role" };
        role.AcceptOnlyFromAmong([.. Roles.All]);
        var displayName = new Option<string?>("--display-name") { Description = "The name the app shows.", HelpName = "name" };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the password from the first line of standard input." };
        var command = new Command("create-user", "Create an account (the first admin, for instance).") { email, role, displayName, passwordStdin };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            parseResult,
            new NewUser(parseResult.GetRequiredValue(email), parseResult.GetValue(displayName), parseResult.GetRequiredValue(role), string.Empty),
            parseResult.GetValue(passwordStdin) ? input : null,
            cancellationToken));
        return command;
    }

    /// <summary>20 characters from an alphabet without look-alikes, with the upper-case letter, lower-case letter and digit the policy asks for.</summary>
    public static string GeneratePassword()
    {
        var alphabet = Lower + Upper + Digits;
        var characters = new char[20];
        for (var i = 0; i < characters.Length; i++)
        {
            characters[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
        }

        characters[RandomNumberGenerator.GetInt32(0, 6)] = Lower[RandomNumberGenerator.GetInt32(Lower.Length)];
        characters[RandomNumberGenerator.GetInt32(7, 13)] = Upper[RandomNumberGenerator.GetInt32(Upper.Length)];
        characters[RandomNumberGenerator.GetInt32(14, 20)] = Digits[RandomNumberGenerator.GetInt32(Digits.Length)];
        return new string(characters);
    }

    private static async Task<int> RunAsync(ParseResult parseResult, NewUser user, TextReader? passwordInput, CancellationToken cancellationToken)
    {
        var output = parseResult.InvocationConfiguration.Output;
        string password;
        if (passwordInput is null)
        {
            password = GeneratePassword();
        }
        else
        {
            password = (await passwordInput.ReadLineAsync(cancellationToken))?.TrimEnd('\r') ?? string.Empty;
            if (password.Length == 0)
            {
                throw new CliFailure("--password-stdin: standard input held no password.");
            }
        }

        await using var database = CliDatabase.Open(parseResult);
        database.RequireExisting();
        await database.MigrateAsync(cancellationToken);

        // The roles exist once the app has started; a database only migrated by the command line has none yet.
        await database.Services.GetRequiredService<AccountSeeder>().SeedAsync(new AccountSeedOptions(false, null, null), cancellationToken);
        var operatorActor = Actor.Create("cli:" + Environment.UserName, Roles.Admin);
        var result = await database.Services.GetRequiredService<AccountService>()
            .CreateUserAsync(operatorActor, user with { Password = password }, cancellationToken);
        if (!result.Succeeded)
        {
            throw new CliFailure($"The account was not created: {string.Join(" ", result.Errors)}");
        }

        await output.WriteLineAsync($"Created {user.Email.Trim()} ({Roles.Normalize(user.Role)}) in {database.DataSource}.");
        if (passwordInput is null)
        {
            await output.WriteLineAsync($"Password (shown once; the user should change it): {password}");
        }

        return ExitCodes.Ok;
    }
}
