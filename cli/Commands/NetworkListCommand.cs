using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Modular.Cli.Errors;
using Modular.Cli.Hosting;
using Modular.Cli.Output;
using Modular.Engine.Networks;
using static Modular.Cli.Commands.CommandKit;

namespace Modular.Cli.Commands;

/// <summary><c>network ls</c> / <c>network list</c>: Podman's columns, sorted by name.</summary>
public static class NetworkListCommand
{
    public static Command Create(CliContext context)
    {
        var format = Value("--format", "Pretty-print networks to JSON or using a Go template");
        var quiet = Switch("--quiet", "display only names", "-q");
        var noTrunc = Switch("--no-trunc", "Do not truncate the network ID");
        var filters = Values("--filter", "Provide filter values (e.g. 'name=podman')", "-f");
        var noHeading = Switch("--noheading", "Do not print headers", "-n");
        var command = new Command("ls", "List networks").With(format, quiet, noTrunc, filters, noHeading);
        command.Aliases.Add("list");
        return command.WithAction(context, "network ls", async (r, cancellationToken) =>
        {
            var service = context.Services.GetRequiredService<INetworkService>();
            var networks = await service.ListAsync(r.GetValue(filters)!, cancellationToken);
            var chosen = r.GetValue(format);
            if (r.GetValue(quiet))
            {
                foreach (var network in networks)
                {
                    context.Out.WriteLine(network.Name);
                }
            }
            else if (JsonOutput.IsJsonFormat(chosen))
            {
                context.Out.WriteLine(NetworkView.ListJson(networks.Select(NetworkJson.ToJson)));
            }
            else
            {
                var idLength = r.GetValue(noTrunc) ? 64 : 12;
                var rows = networks.Select(n => NetworkView.Row(n, idLength)).ToList();
                var formatter = new ReportFormatter("network ls", NetworkView.HeaderOverrides);
                var template = ReportFormatter.OrDefault(chosen, NetworkView.DefaultFormat);
                context.Out.Write(formatter.Render(template, rows, NetworkView.Fields, r.GetValue(noHeading)));
            }

            return ExitCodes.Success;
        });
    }
}
