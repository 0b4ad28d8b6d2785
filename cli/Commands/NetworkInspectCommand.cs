using System.CommandLine;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Modular.Cli.Errors;
using Modular.Cli.Hosting;
using Modular.Cli.Output;
using Modular.Contracts.Errors;
using Modular.Engine.Networks;
using static Modular.Cli.Commands.CommandKit;

namespace Modular.Cli.Commands;

/// <summary>
/// <c>network inspect</c>: a JSON array of what was found (Podman 5's shape, with
/// <c>containers</c>), then one error line per name not found, exit 125.
/// </summary>
public static class NetworkInspectCommand
{
    public static Command Create(CliContext context)
    {
        var format = Value("--format", "Pretty-print network to JSON or using a Go template", "-f");
        var names = Names("NETWORK", 1);
        return new Command("inspect", "Inspect network").With(format, names)
            .WithAction(context, "network inspect", async (r, cancellationToken) =>
            {
                var service = context.Services.GetRequiredService<INetworkService>();
                var found = new List<JsonObject>();
                var errors = new List<Exception>();
                foreach (var name in r.GetValue(names)!)
                {
                    try
                    {
                        found.Add(await service.InspectAsync(name, cancellationToken));
                    }
                    catch (NotFoundException e)
                    {
                        errors.Add(new NotFoundException($"network {name}: {e.Message}", e));
                    }
                }

                var chosen = r.GetValue(format);
                var items = JsonOutput.IsJsonFormat(chosen) || chosen is null
                    ? found
                    : found.Select(NetworkView.Inspected).ToList();
                InspectWriter.Write(context.Out, "inspect", items, chosen);
                return Report(context, errors);
            });
    }

    // As Podman's inspect: every error but the first printed bare, then the first as "Error:".
    private static int Report(CliContext context, List<Exception> errors)
    {
        if (errors.Count == 0)
        {
            return ExitCodes.Success;
        }

        foreach (var error in errors.Skip(1))
        {
            context.Error.WriteLine(ErrorMapper.MessageFor(error));
        }

        return ErrorMapper.Report("network inspect", errors[0], context.Error, context.Debug);
    }
}
