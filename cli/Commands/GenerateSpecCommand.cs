using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Modular.Cli.Hosting;
using Modular.Contracts.Errors;
using Modular.Engine.Containers;
using Modular.Engine.Pods;
using static Modular.Cli.Commands.CommandKit;

namespace Modular.Cli.Commands;

/// <summary>
/// <c>generate spec</c>: the SpecGenerator (or PodSpecGenerator) JSON that would create the
/// container (pod) again, renamed NAME-clone by default, for POST /libpod/containers/create
/// (/libpod/pods/create). Limitation: it carries the image, command, entrypoint,
/// environment, working directory, user, labels, annotations, terminal and ports of a
/// container, and the name and labels of a pod; other settings take their defaults.
/// </summary>
public static class GenerateSpecCommand
{
    public static Command Create(CliContext context)
    {
        var file = Value("--filename", "Write output to the specified path", "-f");
        var compact = Switch("--compact", "Print the json in a compact format for consumption", "-c");
        var rename = new Option<bool>("--name", "-n")
        {
            Description = "Specify a new name for the generated spec", DefaultValueFactory = _ => true,
        };
        var name = One("CONTAINER|POD");
        return new Command("spec", "Generate Specgen JSON based on containers or pods")
            .With(file, compact, rename, name)
            .WithAction(context, "generate spec", async (r, cancellationToken) =>
            {
                var spec = await SpecAsync(context, r.GetValue(name)!, r.GetValue(rename), cancellationToken);
                var json = spec.ToJsonString(new JsonSerializerOptions
                {
                    WriteIndented = !r.GetValue(compact), IndentSize = 1,
                });
                if (r.GetValue(file) is { } path)
                {
                    await File.WriteAllTextAsync(path, json, cancellationToken);
                    await context.Out.WriteLineAsync(path);
                    return 0;
                }

                await context.Out.WriteLineAsync(json);
                return 0;
            });
    }

    private static async Task<JsonObject> SpecAsync(
        CliContext context,
        string nameOrId,
        bool rename,
        CancellationToken cancellationToken)
    {
        var pods = PodCommands.Pods(context);
        JsonObject inspect;
        try
        {
            inspect = await context.Containers.InspectAsync(nameOrId, cancellationToken);
        }
        catch (NotFoundException)
        {
            if (!await pods.ExistsAsync(nameOrId, cancellationToken))
            {
                throw new NotFoundException($"could not find a pod or container with the id {nameOrId}");
            }

            return await PodSpecAsync(pods, nameOrId, rename, cancellationToken);
        }

        var spec = ContainerSpec(inspect);
        return rename ? Renamed(spec, await TakenAsync(context.Containers, cancellationToken)) : spec;
    }

    private static async Task<JsonObject> PodSpecAsync(
        IPodService pods,
        string nameOrId,
        bool rename,
        CancellationToken cancellationToken)
    {
        var pod = await pods.GetAsync(nameOrId, cancellationToken);
        var spec = new JsonObject
        {
            ["name"] = pod.Config.Name,
            ["labels"] = new JsonObject(pod.Config.Labels.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))),
        };
        var taken = (await pods.ListAsync(cancellationToken)).Select(p => p.Config.Name).ToHashSet();
        return rename ? Renamed(spec, taken) : spec;
    }

    private static JsonObject ContainerSpec(JsonObject inspect)
    {
        var config = inspect["Config"] as JsonObject ?? [];
        var env = new JsonObject();
        var hostname = "HOSTNAME=" + config["Hostname"];
        // HOSTNAME names the old container; the clone gets its own.
        foreach (var variable in (config["Env"] as JsonArray ?? []).Select(v => v?.ToString() ?? "")
            .Where(v => v != hostname))
        {
            var equals = variable.IndexOf('=');
            env[equals < 0 ? variable : variable[..equals]] = equals < 0 ? "" : variable[(equals + 1)..];
        }

        var spec = new JsonObject
        {
            ["name"] = inspect["Name"]?.DeepClone(),
            ["labels"] = config["Labels"]?.DeepClone() ?? new JsonObject(),
            ["annotations"] = config["Annotations"]?.DeepClone() ?? new JsonObject(),
            ["command"] = config["Cmd"]?.DeepClone(),
            ["env"] = env,
            ["terminal"] = config["Tty"]?.DeepClone(),
            ["stdin"] = config["OpenStdin"]?.DeepClone(),
            ["image"] = inspect["ImageName"]?.DeepClone(),
            ["work_dir"] = config["WorkingDir"]?.DeepClone(),
            ["user"] = config["User"]?.DeepClone(),
        };
        if (config["Entrypoint"] is JsonArray { Count: > 0 } entrypoint)
        {
            spec["entrypoint"] = entrypoint.DeepClone();
        }

        return spec;
    }

    private static async Task<HashSet<string>> TakenAsync(IContainerService containers, CancellationToken cancellationToken) =>
        (await containers.ListAsync(true, cancellationToken)).Select(c => c.Name).ToHashSet(StringComparer.Ordinal);

    // Podman's CheckName: NAME becomes NAME-clone, NAME-cloneN the next free number.
    private static JsonObject Renamed(JsonObject spec, HashSet<string> taken)
    {
        var name = spec["name"]?.ToString() ?? "";
        var at = name.IndexOf("-clone", StringComparison.Ordinal);
        if (at < 0)
        {
            spec["name"] = name + "-clone";
            return spec;
        }

        var stem = name[..(at + "-clone".Length)];
        var number = 1;
        while (taken.Contains(stem + number))
        {
            number++;
        }

        spec["name"] = stem + number;
        return spec;
    }
}
