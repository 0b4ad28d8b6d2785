using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Modular.Cli.Errors;
using Modular.Cli.Hosting;
using Modular.Engine.Containers.Diff;
using static Modular.Cli.Commands.CommandKit;

namespace Modular.Cli.Commands;

/// <summary><c>diff</c>: a container's (or image's) changes as A/C/D lines or Podman's JSON.</summary>
public static class DiffCommand
{
    public static Command Create(CliContext context, string key)
    {
        var format = Value("--format", "Change the output format (json)");
        var target = One("CONTAINER|IMAGE");
        return new Command("diff", "Inspect changes to the container's file systems")
            .With(format, target)
            .WithAction(context, key, async (r, cancellationToken) =>
            {
                var wanted = r.GetValue(format);
                if (!string.IsNullOrEmpty(wanted) && wanted != "json")
                {
                    throw new UsageException("only supported value for '--format' is 'json'");
                }

                var changes = context.Services.GetRequiredService<ILayerChanges>();
                var list = await changes.ForAsync(r.GetValue(target)!, cancellationToken);
                context.Out.Write(wanted == "json" ? Json(list) : Table(list));
                return ExitCodes.Success;
            });
    }

    private static string Table(IReadOnlyList<FileChange> changes) =>
        string.Concat(changes.Select(c => c + "\n"));

    /// <summary>Podman's shape: changed, added, deleted; empty lists left out; five-space indent.</summary>
    private static string Json(IReadOnlyList<FileChange> changes)
    {
        var body = new JsonObject();
        foreach (var (key, kind) in new[] { ("changed", 'C'), ("added", 'A'), ("deleted", 'D') })
        {
            var paths = changes.Where(c => c.Kind == kind).Select(c => (JsonNode?)c.Path).ToArray();
            if (paths.Length > 0)
            {
                body[key] = new JsonArray(paths);
            }
        }

        var options = new JsonSerializerOptions { WriteIndented = true, IndentSize = 5 };
        return body.ToJsonString(options) + "\n";
    }
}
