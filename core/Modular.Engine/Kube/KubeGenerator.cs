using System.Text;
using System.Text.Json.Nodes;
using Modular.Contracts.Errors;
using Modular.Engine.Configuration;
using Modular.Engine.Containers;
using Modular.Engine.Images;
using Modular.Engine.Info;
using Modular.Engine.Pods;
using Modular.Engine.Volumes;

namespace Modular.Engine.Kube;

/// <summary>
/// <c>kube generate</c> over the engine: each name is looked up as a container, then a
/// pod, then a volume; the YAML is built from their inspect objects.
/// </summary>
public sealed class KubeGenerator(
    EngineOptions options,
    IContainerService containers,
    IPodService pods,
    IImageService images,
    IVolumeService volumes) : IKubeGenerator
{
    private const string Header = """
        # Save the output of this file and use kubectl create -f to import
        # it into Kubernetes.
        #
        # Created with modpod-{0}

        """;

    private const string NamespaceNote = """

        # NOTE: The namespace sharing for a pod has been modified by the user and is not the same as the
        # default settings for kubernetes. This can lead to unexpected behavior when running the generated
        # kube yaml in a kubernetes cluster.

        """;

    private const string VolumeNote = """

        # NOTE: If you generated this yaml from an unprivileged and rootless podman container on an SELinux
        # enabled system, check the podman generate kube man page for steps to follow to ensure that your pod/container
        # has the right permissions to access the volumes added.

        """;

    public async Task<string> GenerateAsync(
        IReadOnlyList<string> namesOrIds,
        KubeGenerateOptions generate,
        CancellationToken cancellationToken)
    {
        KubeKinds.Validate(generate);
        var found = await KubeTargets.FindAsync(namesOrIds, containers, pods, volumes, cancellationToken);
        var builder = new KubePodBuilder(DescribeAsync, containers, generate);

        var content = new List<string>();
        var kinds = new List<string>();
        if (found.Pods.Any(p => !(p.Config.Shares("ipc") && p.Config.Shares("net") && p.Config.Shares("uts"))))
        {
            content.Add(NamespaceNote);
        }

        foreach (var volume in found.Volumes)
        {
            var inspect = await volumes.InspectAsync(volume, cancellationToken);
            content.Add(KubeYamlWriter.Write(KubeClaims.From(inspect)));
        }

        foreach (var pod in found.Pods)
        {
            var (yaml, ports) = await builder.FromPodAsync(pod, cancellationToken);
            kinds.Add(KubeYamlWriter.Write(KubeKinds.Wrap(yaml, generate)));
            AddService(content, yaml, ports, generate);
        }

        if (found.Containers.Count > 0)
        {
            var (yaml, ports) = await builder.FromContainersAsync(found.Containers, cancellationToken);
            if (yaml["spec"]?["volumes"] is not null)
            {
                content.Add(VolumeNote);
            }

            kinds.Add(KubeYamlWriter.Write(KubeKinds.Wrap(yaml, generate)));
            AddService(content, yaml, ports, generate);
        }

        // Helm's install order: claims, services, then the pods and their controllers.
        return Join([.. content, .. kinds]);
    }

    private static void AddService(
        List<string> content,
        JsonObject pod,
        List<JsonNode> ports,
        KubeGenerateOptions generate)
    {
        if (generate.Service)
        {
            content.Add(KubeYamlWriter.Write(KubeKinds.Service(pod, KubePorts.ServicePorts(ports))));
        }
    }

    private async Task<KubeContainer> DescribeAsync(
        JsonObject inspect,
        CancellationToken cancellationToken)
    {
        var image = KubeContainer.Text(inspect["Image"]);
        JsonObject? imageConfig = null;
        if (image.Length > 0 && KubeContainer.Text(inspect["Rootfs"]).Length == 0)
        {
            var imageInspect = await images.InspectAsync(image, cancellationToken);
            imageConfig = imageInspect["Config"] as JsonObject ?? [];
        }

        return new KubeContainer(inspect, imageConfig, options.DefaultCapabilities);
    }

    private static string Join(IReadOnlyList<string> content)
    {
        var text = new StringBuilder(string.Format(
            System.Globalization.CultureInfo.InvariantCulture, Header, ProductVersion.Version));
        for (var i = 0; i < content.Count; i++)
        {
            text.Append(i == 0 ? "" : "---\n").Append(content[i]);
        }

        return text.ToString();
    }
}
