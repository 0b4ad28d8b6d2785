using Microsoft.Extensions.Logging;
using Modular.Contracts.Errors;
using Modular.Engine.Configuration;
using Modular.Engine.Containers;
using Modular.Engine.Images;
using Modular.Engine.Registry;

namespace Modular.Engine.AutoUpdate;

/// <summary>
/// <c>auto-update</c> as Podman's pkg/autoupdate does it: running containers labelled
/// io.containers.autoupdate=registry|local, each in the systemd unit its
/// PODMAN_SYSTEMD_UNIT label names. "registry": the registry's manifest digest for the
/// container's image name differs from the local image's; "local": the name now points at
/// another local image.
/// </summary>
/// <remarks>
/// Applying an update means restarting the unit over systemd's D-Bus API, which modpod
/// does not speak and which this machine (PID 1 is not systemd) does not offer. So only
/// <c>--dry-run</c> gets as far as the table; without it, once a container qualifies,
/// the run fails as Podman's does where /run/systemd/private cannot be reached. Podman
/// connects to D-Bus before a dry run too; checking without it is a deliberate difference.
/// </remarks>
public sealed class AutoUpdater(
    IContainerService containers,
    IImageService images,
    EngineOptions options,
    ILoggerFactory loggers)
{
    public const string PolicyLabel = "io.containers.autoupdate";
    public const string AuthFileLabel = "io.containers.autoupdate.authfile";
    public const string UnitLabel = "PODMAN_SYSTEMD_UNIT";
    private const string SystemdSocket = "/run/systemd/private";

    private static readonly Dictionary<string, string> Policies = new()
    {
        [""] = "disabled", ["disabled"] = "disabled", ["image"] = "registry",
        ["registry"] = "registry", ["local"] = "local",
    };

    public async Task<AutoUpdateResult> RunAsync(
        AutoUpdateOptions request,
        CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        var tasks = await TasksAsync(errors, cancellationToken);
        if (tasks.Count == 0)
        {
            return new AutoUpdateResult(null, errors);
        }

        if (!request.DryRun)
        {
            errors.Add(SystemdUnavailable());
            return new AutoUpdateResult(null, errors);
        }

        var reports = new List<AutoUpdateReport>();
        foreach (var (container, policy, unit) in tasks)
        {
            var status = "failed";
            try
            {
                status = await UpdateAvailableAsync(container, policy, request, cancellationToken)
                    ? "pending"
                    : "false";
            }
            catch (Exception e) when (e is ModularException or HttpRequestException)
            {
                errors.Add($"checking image updates for container {container.Id}: {e.Message}");
            }

            reports.Add(new AutoUpdateReport(
                container.Id, container.Name, container.ImageName, policy, unit, status));
        }

        return new AutoUpdateResult(reports, errors);
    }

    private async Task<List<(ContainerInfo Container, string Policy, string Unit)>> TasksAsync(
        List<string> errors,
        CancellationToken cancellationToken)
    {
        var tasks = new List<(ContainerInfo, string, string)>();
        foreach (var container in await containers.ListAsync(true, cancellationToken))
        {
            if (container.State != "running" || !container.Labels.TryGetValue(PolicyLabel, out var value))
            {
                continue;
            }

            if (!Policies.TryGetValue(value, out var policy))
            {
                var valid = string.Join(' ', Policies.Keys
                    .Where(k => k.Length > 0)
                    .Order(StringComparer.Ordinal)
                    .Select(k => $"\"{k}\""));
                errors.Add($"auto-updating container \"{container.Id}\": invalid auto-update policy "
                    + $"\"{value}\": valid policies are [{valid}]");
                continue;
            }

            if (policy == "disabled")
            {
                continue;
            }

            if (!container.Labels.TryGetValue(UnitLabel, out var unit) || unit.Length == 0)
            {
                errors.Add($"auto-updating container \"{container.Id}\": no {UnitLabel} label found");
                continue;
            }

            tasks.Add((container, policy, unit));
        }

        return tasks;
    }

    private async Task<bool> UpdateAvailableAsync(
        ContainerInfo container,
        string policy,
        AutoUpdateOptions request,
        CancellationToken cancellationToken)
    {
        if (policy == "local")
        {
            var current = await images.ResolveAsync(container.ImageName, cancellationToken);
            return current.Id != container.ImageId;
        }

        var local = await images.ResolveAsync(container.ImageId, cancellationToken);
        var authFile = container.Labels.GetValueOrDefault(AuthFileLabel) ?? request.AuthFile;
        var remote = await RemoteDigestAsync(
            container.ImageName, authFile, request.TlsVerify, cancellationToken);
        return remote != local.Digest
            && !local.RepoDigests.Any(d => d.EndsWith("@" + remote, StringComparison.Ordinal));
    }

    private async Task<string> RemoteDigestAsync(
        string imageName,
        string? authFile,
        bool? tlsVerify,
        CancellationToken cancellationToken)
    {
        var reference = ImageReference.Parse(imageName);
        if (!reference.IsFullyQualified)
        {
            throw new InvalidInputException(
                $"short name \"{imageName}\": auto updates require a fully-qualified image name");
        }

        var source = RegistriesConfig.Load(options.RegistriesConfPath)
            .PullSources(reference, tlsVerify)
            .First(s => !s.IsMirror);
        var domain = source.Reference.Domain!;
        var credentials = RegistryCredentials.FromAuthFile(
            RegistryCredentials.AuthFilePath(authFile, options.AuthFilePath), domain);
        using var client = new RegistryClient(
            domain, source.Insecure, credentials, loggers.CreateLogger<RegistryClient>());
        var manifest = await client.GetManifestAsync(
            source.Reference.Path,
            source.Reference.Digest ?? source.Reference.Tag ?? "latest",
            cancellationToken);
        return manifest.Digest;
    }

    private static string SystemdUnavailable() =>
        File.Exists(SystemdSocket) || Directory.Exists("/run/systemd/system")
            ? "restarting systemd units over D-Bus is not supported by modpod"
            : $"dial unix {SystemdSocket}: connect: no such file or directory";
}
