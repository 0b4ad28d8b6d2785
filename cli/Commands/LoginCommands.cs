using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Modular.Cli.Errors;
using Modular.Cli.Hosting;
using Modular.Engine.Registry;
using static Modular.Cli.Commands.CommandKit;

namespace Modular.Cli.Commands;

/// <summary>
/// <c>login</c> and <c>logout</c>, with containers/common's texts: "Login Succeeded!",
/// "Removed login credentials for HOST", "not logged into HOST".
/// </summary>
public static class LoginCommands
{
    public static Command Login(CliContext context)
    {
        var authFile = Value("--authfile", "path of the authentication file");
        var user = Value("--username", "Username for registry", "-u");
        var password = Value("--password", "Password for registry", "-p");
        var passwordStdin = Switch("--password-stdin", "Take the password from stdin");
        var getLogin = Switch("--get-login", "Return the current login user for the registry");
        var tlsVerify = new Option<bool?>("--tls-verify")
        {
            Description = "Require HTTPS and verify certificates when contacting registries",
        };
        var certDir = Value("--cert-dir", "use certificates at the specified path to access the registry");
        var verbose = Switch("--verbose", "Write more detailed information to stdout", "-v");
        var registry = One("REGISTRY");
        return new Command("login", "Log in to a container registry")
            .With(authFile, user, password, passwordStdin, getLogin, tlsVerify, certDir, verbose, registry)
            .WithAction(context, "login", async (r, cancellationToken) =>
            {
                var logins = context.Services.GetRequiredService<RegistryLogins>();
                var key = RegistryLogins.KeyOf(r.GetValue(registry)!);
                var file = logins.File(r.GetValue(authFile));
                if (r.GetValue(getLogin))
                {
                    var stored = file.Get(key) ?? throw new UsageException($"not logged into {key}");
                    context.Out.WriteLine(stored.UserName);
                    return ExitCodes.Success;
                }

                var request = new LoginRequest(key, null, r.GetValue(authFile), r.GetValue(tlsVerify), r.GetValue(certDir));
                var given = await CredentialsAsync(r, user, password, passwordStdin, cancellationToken);
                if (given is null && file.Get(key) is { } existing)
                {
                    context.Out.WriteLine($"Authenticating with existing credentials for {key}");
                    await logins.CheckAsync(key, request, existing, cancellationToken);
                    context.Out.WriteLine($"Existing credentials are valid. Already logged in to {key}");
                    return ExitCodes.Success;
                }

                var credentials = given ?? await PromptAsync(context, cancellationToken);
                await logins.LoginAsync(request, credentials, cancellationToken);
                context.Out.WriteLine("Login Succeeded!");
                return ExitCodes.Success;
            });
    }

    public static Command Logout(CliContext context)
    {
        var authFile = Value("--authfile", "path of the authentication file");
        var all = Switch("--all", "Remove the cached credentials for all registries in the auth file", "-a");
        var registry = new Argument<string?>("REGISTRY") { Arity = ArgumentArity.ZeroOrOne };
        return new Command("logout", "Log out of a container registry").With(authFile, all, registry)
            .WithAction(context, "logout", (r, cancellationToken) =>
            {
                var file = context.Services.GetRequiredService<RegistryLogins>().File(r.GetValue(authFile));
                var name = r.GetValue(registry);
                if (r.GetValue(all))
                {
                    file.RemoveAll();
                    context.Out.WriteLine("Removed login credentials for all registries");
                    return Task.FromResult(ExitCodes.Success);
                }

                var key = RegistryLogins.KeyOf(name ?? throw new UsageException("registry must be given"));
                if (!file.Remove(key))
                {
                    throw new UsageException($"not logged into {key}");
                }

                context.Out.WriteLine($"Removed login credentials for {key}");
                return Task.FromResult(ExitCodes.Success);
            });
    }

    private static async Task<RegistryCredentials?> CredentialsAsync(
        ParseResult r,
        Option<string?> user,
        Option<string?> password,
        Option<bool> passwordStdin,
        CancellationToken cancellationToken)
    {
        var name = r.GetValue(user);
        var secret = r.GetValue(password);
        if (r.GetValue(passwordStdin))
        {
            if (secret is not null)
            {
                throw new UsageException("can't specify both --password-stdin and --password");
            }

            if (name is null)
            {
                throw new UsageException("must provide --username with --password-stdin");
            }

            secret = (await Console.In.ReadToEndAsync(cancellationToken)).TrimEnd('\n', '\r');
        }

        if (name is null && secret is null)
        {
            return null;
        }

        return name is null || secret is null
            ? throw new UsageException("both --username and --password are needed when not reading from a terminal")
            : new RegistryCredentials(name, secret);
    }

    private static async Task<RegistryCredentials> PromptAsync(CliContext context, CancellationToken cancellationToken)
    {
        await context.Error.WriteAsync("Username: ");
        await context.Error.FlushAsync(cancellationToken);
        var name = TerminalLine.IsTerminal ? TerminalLine.Read() : await Console.In.ReadLineAsync(cancellationToken);
        string? secret;
        if (TerminalLine.IsTerminal)
        {
            // Echo goes off before the prompt shows, so nothing typed after it can echo;
            // disposing (or a signal) restores the terminal's settings on every path.
            using var echo = TerminalEcho.Off(TerminalLine.StandardInput);
            await context.Error.WriteAsync("Password: ");
            await context.Error.FlushAsync(cancellationToken);
            secret = TerminalLine.Read();
        }
        else
        {
            await context.Error.WriteAsync("Password: ");
            secret = await Console.In.ReadLineAsync(cancellationToken);
        }

        return string.IsNullOrEmpty(name) || secret is null
            ? throw new UsageException("username and password are required")
            : new RegistryCredentials(name, secret);
    }
}
