using System.CommandLine;
using Modular.Cli.Hosting;
using Modular.Contracts.Errors;
using static Modular.Cli.Commands.CommandKit;

namespace Modular.Cli.Commands;

/// <summary>
/// <c>kube play</c> and <c>kube down</c>, and the older spelling <c>play kube</c>: a partial
/// kube play that reads Kubernetes Pods (see docs/pods.md).
/// </summary>
public static class KubeCommands
{
    // Podman joins several files into one stream of YAML documents.
    private const string DocumentSeparator = "\n---\n";

    public static Command Group(CliContext c) =>
        new Command("kube", "Play containers, pods or volumes from a structured file").With(
            Play(c, "play", "kube play"), Down(c), KubeGenerateCommand.Create(c, "generate", "kube generate"));

    /// <summary>The hidden older form, <c>podman play kube FILE</c>.</summary>
    public static Command LegacyGroup(CliContext c) =>
        new Command("play", "Play containers, pods or volumes from a structured file") { Hidden = true }
            .With(Play(c, "kube", "play kube"));

    private static Command Play(CliContext context, string verb, string key)
    {
        var replace = Switch("--replace", "Delete and recreate pods defined in the YAML file");
        var start = new Option<bool>("--start")
        {
            Description = "Start the pod after creating it", DefaultValueFactory = _ => true,
        };
        var quiet = Switch("--quiet", "Suppress output information when pulling images", "-q");
        var down = new Option<bool>("--down")
        {
            Description = "Stop pods defined in the YAML file", Hidden = true,
        };
        var force = Switch("--force", "Remove volumes as part of --down");
        var network = Values("--network", "Connect pod to network(s) or network mode", "--net");
        var files = Names("KUBEFILE", minimum: 1);
        var pullFlags = new RegistryPullFlags();
        return new Command(verb, "Play a pod or volume based on Kubernetes YAML")
            .With([replace, start, quiet, down, force, network, .. pullFlags.All, files])
            .WithAction(context, key, async (r, cancellationToken) =>
            {
                if (r.GetValue(force) && !r.GetValue(down))
                {
                    throw new InvalidInputException("--force may be specified only with --down");
                }

                var pods = await ReadAsync(r.GetValue(files)!, cancellationToken);
                var player = new KubePlay(context) { Networks = r.GetValue(network)! };
                if (r.GetValue(down) || r.GetValue(replace))
                {
                    await player.DownAsync(pods, cancellationToken);
                }

                if (!r.GetValue(down))
                {
                    var pull = pullFlags.Options(r, r.GetValue(quiet), context.Error);
                    await player.PullMissingAsync(pods, pull, cancellationToken);
                    await player.PlayAsync(pods, r.GetValue(start), r.GetValue(quiet), cancellationToken);
                }

                return 0;
            });
    }

    private static Command Down(CliContext context)
    {
        var force = Switch("--force", "Remove volumes");
        var files = Names("KUBEFILE", minimum: 1);
        return new Command("down", "Remove pods based on Kubernetes YAML")
            .With(force, files)
            .WithAction(context, "kube down", async (r, cancellationToken) =>
            {
                var pods = await ReadAsync(r.GetValue(files)!, cancellationToken);
                await new KubePlay(context).DownAsync(pods, cancellationToken);
                return 0;
            });
    }

    private static async Task<IReadOnlyList<KubePod>> ReadAsync(
        IReadOnlyList<string> files,
        CancellationToken cancellationToken)
    {
        var text = files is ["-"]
            ? await Console.In.ReadToEndAsync(cancellationToken)
            : string.Join(
                DocumentSeparator,
                await Task.WhenAll(files.Select(f => ReadFileAsync(f, cancellationToken))));
        return [.. KubeYaml.ParseManifest(text).Select(KubePod.From).OfType<KubePod>()];
    }

    private static async Task<string> ReadFileAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return await File.ReadAllTextAsync(path, cancellationToken);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new NotFoundException($"open {path}: no such file or directory");
        }
    }
}
