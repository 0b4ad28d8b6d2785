using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Modular.Cli.Hosting;
using Modular.Contracts.Errors;
using Modular.Engine.Kube;
using static Modular.Cli.Commands.CommandKit;

namespace Modular.Cli.Commands;

/// <summary>
/// <c>kube generate</c> and its older spelling <c>generate kube</c>: Kubernetes YAML from
/// containers, pods or volumes, printed or written to <c>--filename</c>.
/// </summary>
public static class KubeGenerateCommand
{
    public static Command Create(CliContext context, string verb, string key)
    {
        var service = Switch("--service", "Generate YAML for a Kubernetes service object", "-s");
        var file = Value("--filename", "Write output to the specified path", "-f");
        var type = new Option<string>("--type", "-t")
        {
            Description = "Generate YAML for the given Kubernetes kind", DefaultValueFactory = _ => KubeKinds.Pod,
        };
        var replicas = new Option<int>("--replicas", "-r")
        {
            Description = "Set the replicas number for Deployment kind", DefaultValueFactory = _ => 1,
        };
        var noTrunc = new Option<bool>("--no-trunc")
        {
            Description = "Don't truncate annotations to Kubernetes length (63 chars)", Hidden = true,
        };
        var podmanOnly = Switch(
            "--podman-only",
            "Add podman-only reserved annotations to the generated YAML file (Cannot be used by Kubernetes)");
        var names = Names("CONTAINER|POD|VOLUME", minimum: 1);
        return new Command(verb, "Generate Kubernetes YAML from containers, pods or volumes.")
            .With(service, file, type, replicas, noTrunc, podmanOnly, names)
            .WithAction(context, key, async (r, cancellationToken) =>
            {
                var options = new KubeGenerateOptions
                {
                    Service = r.GetValue(service),
                    Type = r.GetValue(type) ?? KubeKinds.Pod,
                    Replicas = r.GetValue(replicas),
                    PodmanOnly = r.GetValue(podmanOnly),
                };
                var generator = context.Services.GetRequiredService<IKubeGenerator>();
                var yaml = await generator.GenerateAsync(r.GetValue(names)!, options, cancellationToken);
                if (r.GetValue(file) is { } path)
                {
                    await WriteAsync(path, yaml, cancellationToken);
                    return 0;
                }

                // Podman prints the YAML with a line break after its own last one.
                await context.Out.WriteLineAsync(yaml);
                return 0;
            });
    }

    private static async Task WriteAsync(string path, string yaml, CancellationToken cancellationToken)
    {
        if (File.Exists(path) || Directory.Exists(path))
        {
            throw new InvalidInputException($"cannot write to \"{path}\"; file exists");
        }

        try
        {
            await File.WriteAllTextAsync(path, yaml, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidInputException($"cannot write to \"{path}\": {e.Message}");
        }
    }
}
