using System.CommandLine;
using System.Globalization;
using Modular.Cli.Errors;
using Modular.Cli.Hosting;
using Modular.Contracts.Errors;
using Modular.Engine.Containers;
using Modular.Engine.Containers.Networking;
using static Modular.Cli.Commands.CommandKit;

namespace Modular.Cli.Commands;

/// <summary>
/// <c>port</c>: a container's published ports (<c>80/tcp -> 0.0.0.0:8080</c>), or the host
/// address of one container port; <c>-a</c> for every running container, <c>-l</c> for
/// the newest. As Podman, only running containers have ports to show.
/// </summary>
public static class PortCommand
{
    public static Command Create(CliContext context)
    {
        var all = Switch("--all", "Display port information for all containers", "-a");
        var latest = Switch("--latest", "Act on the latest container modpod is aware of", "-l");
        var arguments = Names("CONTAINER [PORT]");
        return new Command("port", "List port mappings or a specific mapping for the container")
            .With(all, latest, arguments)
            .WithAction(context, "port", async (r, cancellationToken) =>
            {
                var args = r.GetValue(arguments)!;
                var (targets, port) = await TargetsAsync(
                    context, args, r.GetValue(all), r.GetValue(latest), cancellationToken);
                Print(context, targets, port, r.GetValue(all));
                return ExitCodes.Success;
            });
    }

    private static async Task<(IReadOnlyList<ContainerInfo> Targets, string? Port)> TargetsAsync(
        CliContext context,
        string[] args,
        bool all,
        bool latest,
        CancellationToken cancellationToken)
    {
        if (all || latest)
        {
            if (args.Length > 1 || (all && latest))
            {
                throw new UsageException("--all and --latest take no container name, only an optional PORT");
            }

            var running = await context.Containers.ListAsync(false, cancellationToken);
            var chosen = latest ? running.OrderByDescending(c => c.Created).Take(1).ToList() : running.ToList();
            return (chosen, args.FirstOrDefault());
        }

        if (args.Length == 0)
        {
            throw new UsageException("you must supply a running container name or id");
        }

        if (args.Length > 2)
        {
            throw new UsageException("accepts at most 2 arg(s), received " + args.Length.ToString(CultureInfo.InvariantCulture));
        }

        var container = await context.Containers.ResolveAsync(args[0], cancellationToken);
        return (container.State == "running" ? [container] : [], args.ElementAtOrDefault(1));
    }

    private static void Print(CliContext context, IReadOnlyList<ContainerInfo> targets, string? port, bool all)
    {
        var wanted = port is null ? null : ParsePort(port);
        foreach (var container in targets)
        {
            var prefix = all ? container.Id[..12] + "\t" : "";
            var found = false;
            foreach (var (containerPort, protocol, host) in PortText.Ports(container.Ports ?? []))
            {
                if (wanted is null)
                {
                    context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{prefix}{containerPort}/{protocol} -> {host}"));
                }
                else if (wanted.Value.Port == containerPort && wanted.Value.Protocol == protocol)
                {
                    context.Out.WriteLine(prefix + host);
                    found = true;
                }
            }

            if (wanted is not null && !found && !all)
            {
                // Podman names the port with its protocol, the default tcp included.
                throw new NotFoundException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"failed to find published port \"{wanted.Value.Port}/{wanted.Value.Protocol}\""));
            }
        }
    }

    private static (int Port, string Protocol)? ParsePort(string text)
    {
        var fields = text.Split('/');
        if (fields.Length > 2 || !int.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            throw new UsageException($"port formats are port/protocol. '{text}' is invalid");
        }

        return (number, fields.Length == 2 ? fields[1] : "tcp");
    }
}
