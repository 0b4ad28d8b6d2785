using System.CommandLine;
using Modular.Cli.Errors;
using Modular.Cli.Hosting;
using Modular.Engine.Secrets;
using static Modular.Cli.Commands.CommandKit;

namespace Modular.Cli.Commands;

/// <summary>
/// <c>secret create NAME FILE|-</c>: reads the data on this side (a file, stdin or, with
/// --env, an environment variable) and hands the bytes to the secret service, so a remote
/// client sends the data it read, as podman-remote does. Prints the secret's ID.
/// </summary>
public static class SecretCreateCommand
{
    public static Command Create(CliContext context)
    {
        var driver = Value("--driver", "Specify secret driver", "-d");
        var driverOpts = Values("--driver-opts", "Specify driver specific options");
        var env = Switch("--env", "Read secret data from environment variable");
        var labels = Values("--label", "Specify labels on the secret", "-l");
        var replace = Switch("--replace", "If a secret with the same name exists, replace it");
        var ignore = Switch("--ignore", "Ignore if a secret with the same name exists");
        var name = One("NAME");
        var source = One("FILE|-");
        return new Command("create", "Create a new secret")
            .With(driver, driverOpts, env, labels, replace, ignore, name, source)
            .WithAction(context, "secret create", async (r, cancellationToken) =>
            {
                var data = await ReadAsync(r.GetValue(source)!, r.GetValue(env), cancellationToken);
                var request = new SecretCreateRequest(
                    r.GetValue(name)!,
                    data,
                    r.GetValue(driver),
                    Pairs(r.GetValue(driverOpts)!, "--driver-opts"),
                    Pairs(r.GetValue(labels)!, "--label"),
                    r.GetValue(replace),
                    r.GetValue(ignore));
                var secret = await SecretCommands.Secrets(context).CreateAsync(request, cancellationToken);
                context.Out.WriteLine(secret.Id);
                return ExitCodes.Success;
            });
    }

    private static async Task<byte[]> ReadAsync(string source, bool env, CancellationToken cancellationToken)
    {
        if (env)
        {
            var value = Environment.GetEnvironmentVariable(source);
            return string.IsNullOrEmpty(value)
                ? throw new UsageException($"cannot create store secret data: environment variable {source} is not set")
                : System.Text.Encoding.UTF8.GetBytes(value);
        }

        if (source is "-" or "/dev/stdin")
        {
            if (!Console.IsInputRedirected)
            {
                throw new UsageException("if `-` is used, data must be passed into stdin");
            }

            await using var stdin = Console.OpenStandardInput();
            using var buffer = new MemoryStream();
            await stdin.CopyToAsync(buffer, cancellationToken);
            return buffer.ToArray();
        }

        return File.Exists(source)
            ? await File.ReadAllBytesAsync(source, cancellationToken)
            : throw new UsageException($"open {source}: no such file or directory");
    }

    // KEY=VALUE pairs; a bare KEY has an empty value, as Podman's label parsing gives.
    private static Dictionary<string, string> Pairs(string[] values, string flag)
    {
        var result = new Dictionary<string, string>();
        foreach (var value in values.SelectMany(v => flag == "--driver-opts" ? v.Split(',') : [v]))
        {
            var split = value.Split('=', 2);
            result[split[0]] = split.Length == 2 ? split[1] : "";
        }

        return result;
    }
}
