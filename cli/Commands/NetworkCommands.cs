using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Modular.Cli.Errors;
using Modular.Cli.Hosting;
using Modular.Contracts.Errors;
using Modular.Engine.Networks;
using static Modular.Cli.Commands.CommandKit;

namespace Modular.Cli.Commands;

/// <summary>
/// <c>network</c> and its verbs. Verbs that rewire containers (rm -f, connect, disconnect,
/// reload) go through <see cref="INetworkContainers"/>, which the container side provides.
/// </summary>
public static class NetworkCommands
{
    public static Command Group(CliContext c) =>
        new Command("network", "Manage networks").With(
            NetworkCreateCommand.Create(c), NetworkListCommand.Create(c), NetworkInspectCommand.Create(c),
            Remove(c), Exists(c), Prune(c), Connect(c), Disconnect(c), Reload(c));

    public static Command Remove(CliContext context)
    {
        var force = Switch("--force", "remove any containers using network", "-f");
        var time = Number(
            "--time", "Seconds to wait for running containers to stop before killing the container", "-t");
        var names = Names("NETWORK", 1);
        var command = new Command("rm", "Remove networks").With(force, time, names);
        command.Aliases.Add("remove");
        return command.WithAction(context, "network rm", async (r, cancellationToken) =>
        {
            if (r.GetValue(time) is not null && !r.GetValue(force))
            {
                throw new UsageException("--force option must be specified to use the --time option");
            }

            var code = ExitCodes.Success;
            foreach (var name in r.GetValue(names)!)
            {
                code = await RemoveOneAsync(
                    context, name, r.GetValue(force), r.GetValue(time), code, cancellationToken);
            }

            return code;
        });
    }

    private static async Task<int> RemoveOneAsync(
        CliContext context,
        string name,
        bool force,
        int? timeout,
        int code,
        CancellationToken cancellationToken)
    {
        var service = Networks(context);
        try
        {
            if (force)
            {
                var network = await service.ResolveAsync(name, cancellationToken);
                await Containers(context).RemoveContainersUsingAsync(network.Name, timeout, cancellationToken);
            }

            await service.RemoveAsync(name, cancellationToken);
            await context.Out.WriteLineAsync(name);
            return code;
        }
        catch (NotFoundException) when (force)
        {
            // Podman's rm -f skips networks that do not exist.
            return code;
        }
        catch (ModularException e)
        {
            return ErrorMapper.Report("network rm", e, context.Error, context.Debug);
        }
    }

    public static Command Exists(CliContext context)
    {
        var name = One("NETWORK");
        return new Command("exists", "Check if network exists").With(name)
            .WithAction(context, "network exists", async (r, cancellationToken) =>
                await Networks(context).ExistsAsync(r.GetValue(name)!, cancellationToken)
                    ? ExitCodes.Success
                    : ExitCodes.NoSuchObject);
    }

    public static Command Prune(CliContext context)
    {
        var force = Switch("--force", "do not prompt for confirmation", "-f");
        var filters = Values("--filter", "Provide filter values (e.g. 'label=<key>=<value>')");
        return new Command("prune", "Prune unused networks").With(force, filters)
            .WithAction(context, "network prune", async (r, cancellationToken) =>
            {
                if (!r.GetValue(force) && !PruneConfirmation.Ask(
                        context, "WARNING! This will remove all networks not used by at least one container."))
                {
                    return ExitCodes.Success;
                }

                foreach (var name in await Networks(context).PruneAsync(r.GetValue(filters)!, cancellationToken))
                {
                    await context.Out.WriteLineAsync(name);
                }

                return ExitCodes.Success;
            });
    }

    public static Command Connect(CliContext context)
    {
        var aliases = Values("--alias", "network scoped alias for container");
        var ip = Value("--ip", "set a static ipv4 address for this container network");
        var ip6 = Value("--ip6", "set a static ipv6 address for this container network");
        var mac = Value("--mac-address", "set a static mac address for this container network");
        var network = One("NETWORK");
        var container = One("CONTAINER");
        return new Command("connect", "Add container to a network")
            .With(aliases, ip, ip6, mac, network, container)
            .WithAction(context, "network connect", async (r, cancellationToken) =>
            {
                var ips = new[] { ("--ip", r.GetValue(ip)), ("--ip6", r.GetValue(ip6)) }
                    .Where(p => p.Item2 is not null)
                    .Select(p => ParseIp(p.Item1, p.Item2!))
                    .ToList();
                var request = new NetworkConnectRequest(
                    [.. r.GetValue(aliases)!.SelectMany(a => a.Split(','))],
                    ips,
                    r.GetValue(mac) is { } m ? ParseMac(m) : null);
                await Containers(context).ConnectAsync(
                    r.GetValue(network)!, r.GetValue(container)!, request, cancellationToken);
                return ExitCodes.Success;
            });
    }

    public static Command Disconnect(CliContext context)
    {
        var force = Switch("--force", "force removal of container from network", "-f");
        var network = One("NETWORK");
        var container = One("CONTAINER");
        return new Command("disconnect", "Disconnect a container from a network").With(force, network, container)
            .WithAction(context, "network disconnect", async (r, cancellationToken) =>
            {
                await Containers(context).DisconnectAsync(
                    r.GetValue(network)!, r.GetValue(container)!, r.GetValue(force), cancellationToken);
                return ExitCodes.Success;
            });
    }

    public static Command Reload(CliContext context)
    {
        var all = Switch("--all", "Reload network configuration of all containers", "-a");
        var names = Names("CONTAINER");
        return new Command("reload", "Reload firewall rules for one or more containers").With(all, names)
            .WithAction(context, "network reload", async (r, cancellationToken) =>
            {
                RequireNamesOrAll("container", r.GetValue(names)!, r.GetValue(all));
                var reloaded = await Containers(context).ReloadAsync(
                    r.GetValue(names)!, r.GetValue(all), cancellationToken);
                foreach (var id in reloaded)
                {
                    await context.Out.WriteLineAsync(id);
                }

                return ExitCodes.Success;
            });
    }

    // pflag's wording for a bad IP flag value.
    private static string ParseIp(string flag, string text) =>
        IpMath.TryParse(text, out var address)
            ? address.ToString()
            : throw new UsageException(
                $"invalid argument \"{text}\" for \"{flag}\" flag: failed to parse IP: \"{text}\"");

    // Go's net.ParseMAC accepts 01:23:45:67:89:ab, 01-23-..., and 0123.4567.89ab.
    private static string ParseMac(string text)
    {
        var hex = text.Replace(":", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal)
            .Replace(".", "", StringComparison.Ordinal);
        return hex.Length == 12 && hex.All(Uri.IsHexDigit)
            ? string.Join(':', Enumerable.Range(0, 6).Select(i => hex.Substring(i * 2, 2).ToLowerInvariant()))
            : throw new UsageException($"address {text}: invalid MAC address");
    }

    private static INetworkService Networks(CliContext context) =>
        context.Services.GetRequiredService<INetworkService>();

    private static INetworkContainers Containers(CliContext context) =>
        context.Services.GetRequiredService<INetworkContainers>();
}
