using System.CommandLine;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Modular.Cli.Errors;
using Modular.Cli.Hosting;
using Modular.Cli.Output;
using Modular.Contracts.Errors;
using Modular.Engine.Secrets;
using static Modular.Cli.Commands.CommandKit;

namespace Modular.Cli.Commands;

/// <summary>The <c>secret</c> group: create, ls, inspect, rm, exists (Podman 5's set).</summary>
public static class SecretCommands
{
    /// <summary>Podman's default table: <c>ID NAME DRIVER CREATED UPDATED</c>.</summary>
    public const string DefaultFormat =
        "table {{.ID}}\t{{.Name}}\t{{.Driver}}\t{{.CreatedAt}}\t{{.UpdatedAt}}";

    private static readonly Dictionary<string, string> HeaderOverrides = new()
    {
        ["CreatedAt"] = "CREATED",
        ["UpdatedAt"] = "UPDATED",
    };

    public static Command Group(CliContext c) =>
        new Command("secret", "Manage secrets").With(
            SecretCreateCommand.Create(c), List(c), Inspect(c), Remove(c), Exists(c));

    public static ISecretService Secrets(CliContext context) =>
        context.Services.GetRequiredService<ISecretService>();

    public static Command List(CliContext context)
    {
        var filters = Values("--filter", "Filter secret output", "-f");
        var format = Value("--format", "Format secret output using Go template");
        var noHeading = Switch("--noheading", "Do not print headers", "-n");
        var quiet = Switch("--quiet", "Print secret IDs only", "-q");
        return new Command("ls", "List secrets").With(filters, format, noHeading, quiet).Aliased("list")
            .WithAction(context, "secret ls", async (r, cancellationToken) =>
            {
                var secrets = await Secrets(context).ListAsync(r.GetValue(filters)!, cancellationToken);
                if (r.GetValue(quiet) && r.GetValue(format) is null)
                {
                    secrets.ToList().ForEach(s => context.Out.WriteLine(s.Id));
                    return ExitCodes.Success;
                }

                var now = context.Now();
                var rows = secrets.Select(s => Row(s, now)).ToList();
                var fields = new[] { "ID", "Name", "Driver", "CreatedAt", "UpdatedAt" };
                var formatter = new ReportFormatter("ls", HeaderOverrides);
                var chosen = ReportFormatter.OrDefault(r.GetValue(format), DefaultFormat);
                context.Out.Write(formatter.Render(chosen, rows, fields, r.GetValue(noHeading)));
                return ExitCodes.Success;
            });
    }

    /// <summary>Podman's SecretListReport: times as "5 minutes ago".</summary>
    private static JsonObject Row(SecretRecord secret, DateTimeOffset now) => new()
    {
        ["ID"] = secret.Id,
        ["Name"] = secret.Name,
        ["Driver"] = secret.Driver,
        ["CreatedAt"] = HumanUnits.Ago(secret.CreatedAt, now),
        ["UpdatedAt"] = HumanUnits.Ago(secret.UpdatedAt, now),
    };

    public static Command Inspect(CliContext context)
    {
        var format = Value("--format", "Format secret output using Go template", "-f");
        var showSecret = Switch("--showsecret", "Display the secret");
        var names = Names("SECRET", 1);
        return new Command("inspect", "Inspect a secret").With(format, showSecret, names)
            .WithAction(context, "secret inspect", async (r, cancellationToken) =>
            {
                var service = Secrets(context);
                var items = new List<JsonObject>();
                var errors = new List<ModularException>();
                foreach (var name in r.GetValue(names)!)
                {
                    try
                    {
                        var secret = await service.GetAsync(name, cancellationToken);
                        var data = r.GetValue(showSecret) ? await service.ReadDataAsync(name, cancellationToken) : null;
                        items.Add(SecretJson.Inspect(secret, data));
                    }
                    catch (NotFoundException e)
                    {
                        errors.Add(e);
                    }
                }

                InspectWriter.Write(context.Out, "inspect", items, r.GetValue(format));
                return Fail(context, errors);
            });
    }

    // Podman prints the found secrets, then every failure after the first as a line of its
    // own, and fails with the first: "inspecting secret: no secret with name or id ...".
    private static int Fail(CliContext context, List<ModularException> errors)
    {
        if (errors.Count == 0)
        {
            return ExitCodes.Success;
        }

        foreach (var error in errors.Skip(1))
        {
            context.Error.WriteLine($"error inspecting secret: {error.Message}");
        }

        context.Error.WriteLine($"Error: inspecting secret: {errors[0].Message}");
        return ExitCodes.EngineFailure;
    }

    public static Command Remove(CliContext context)
    {
        var all = Switch("--all", "Remove all secrets", "-a");
        var ignore = Switch("--ignore", "Ignore errors when a specified secret is missing", "-i");
        var names = Names("SECRET");
        return new Command("rm", "Remove one or more secrets").With(all, ignore, names)
            .WithAction(context, "secret rm", async (r, cancellationToken) =>
            {
                var service = Secrets(context);
                var targets = r.GetValue(names)!;
                if (targets.Length > 0 == r.GetValue(all))
                {
                    throw new UsageException("`podman secret rm` requires one argument, or the --all flag");
                }

                var chosen = r.GetValue(all)
                    ? (await service.ListAsync([], cancellationToken)).Select(s => s.Id).ToList()
                    : [.. targets];
                var code = ExitCodes.Success;
                foreach (var target in chosen)
                {
                    code = await RemoveOneAsync(context, service, target, r.GetValue(ignore), cancellationToken) ?? code;
                }

                return code;
            });
    }

    private static async Task<int?> RemoveOneAsync(
        CliContext context,
        ISecretService service,
        string target,
        bool ignore,
        CancellationToken cancellationToken)
    {
        try
        {
            context.Out.WriteLine(await service.RemoveAsync(target, cancellationToken));
            return null;
        }
        catch (NotFoundException) when (ignore)
        {
            return null;
        }
        catch (ModularException e)
        {
            return ErrorMapper.Report("secret rm", e, context.Error, context.Debug);
        }
    }

    public static Command Exists(CliContext context)
    {
        var name = One("SECRET");
        return new Command("exists", "Check if a secret exists in local storage").With(name)
            .WithAction(context, "secret exists", async (r, cancellationToken) =>
                await Secrets(context).ExistsAsync(r.GetValue(name)!, cancellationToken)
                    ? ExitCodes.Success
                    : ExitCodes.NoSuchObject);
    }
}
