using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Modular.Cli.Errors;
using Modular.Cli.Hosting;
using Modular.Engine.Networks;
using static Modular.Cli.Commands.CommandKit;

namespace Modular.Cli.Commands;

/// <summary><c>network create [options] [NAME]</c>: prints the new network's name.</summary>
public static class NetworkCreateCommand
{
    public static Command Create(CliContext context)
    {
        var driver = Value("--driver", "driver to manage the network", "-d");
        var opts = Values("--opt", "Set driver specific options (default [])", "-o");
        var gateways = Values("--gateway", "IPv4 or IPv6 gateway for the subnet");
        var isInternal = Switch("--internal", "restrict external access from this network");
        var ranges = Values("--ip-range", "allocate container IP from range");
        var labels = Values("--label", "set metadata on a network");
        var ipam = Value("--ipam-driver", "IP Address Management Driver");
        var ipv6 = Switch("--ipv6", "enable IPv6 networking");
        var subnets = Values("--subnet", "subnets in CIDR format");
        var interfaceName = Value("--interface-name", "interface name which is used by the driver");
        var disableDns = Switch("--disable-dns", "disable dns plugin");
        var ignore = Switch("--ignore", "Don't fail if network already exists");
        var name = new Argument<string?>("NAME") { Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("create", "Create networks for containers and pods").With(
            driver, opts, gateways, isInternal, ranges, labels, ipam, ipv6, subnets, interfaceName,
            disableDns, ignore, name);
        return command.WithAction(context, "network create", async (r, cancellationToken) =>
        {
            var request = new NetworkCreateRequest(
                r.GetValue(name),
                r.GetValue(driver) ?? "bridge",
                r.GetValue(subnets),
                [.. r.GetValue(gateways)!.SelectMany(g => g.Split(','))],
                r.GetValue(ranges),
                r.GetValue(isInternal),
                r.GetValue(disableDns),
                r.GetValue(ipv6),
                KeyValues(r.GetValue(labels)!),
                KeyValues(r.GetValue(opts)!),
                r.GetValue(ipam),
                r.GetValue(interfaceName),
                r.GetValue(ignore));
            var service = context.Services.GetRequiredService<INetworkService>();
            var network = await service.CreateAsync(request, cancellationToken);
            await context.Out.WriteLineAsync(network.Name);
            return ExitCodes.Success;
        });
    }

    /// <summary>key=value, or a bare key with an empty value, as Podman's label parsing takes them.</summary>
    public static Dictionary<string, string> KeyValues(IEnumerable<string> pairs)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var (key, value) = eq < 0 ? (pair, "") : (pair[..eq], pair[(eq + 1)..]);
            if (key.Trim().Length == 0)
            {
                throw new UsageException($"invalid label format: \"{pair}\"");
            }

            map[key] = value;
        }

        return map;
    }
}
