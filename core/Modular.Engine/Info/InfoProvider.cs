using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Modular.Contracts.Errors;
using Modular.Engine.Configuration;
using Modular.Engine.Plugins;

namespace Modular.Engine.Info;

/// <summary>
/// Builds <c>modpod info</c> with Podman's keys (host, store, registries, plugins, version)
/// plus <c>modularPlugins</c>, our own: each plugin id with loaded / available / skipped
/// (reason) / failed (error); the selected runtime, storage driver and network backend are
/// loaded, so each shows loaded or failed, and an unselected one is available (found, not
/// loaded) unless it was skipped. Podman already uses <c>plugins</c> for its volume, network and
/// log plugins, so ours sits under a key Podman does not have.
/// </summary>
public sealed partial class InfoProvider(
    EngineOptions options,
    PluginHost plugins,
    IRuntimeRegistry runtimes,
    StorageDriverProvider drivers,
    IServiceProvider services,
    ILogger<InfoProvider> logger) : IInfoProvider
{
    public async Task<InfoReport> GetInfoAsync(CancellationToken cancellationToken)
    {
        var host = await DescribeHostAsync(cancellationToken);
        var store = await DescribeStoreAsync(cancellationToken);
        LoadSelectedNetworkPlugin();

        return new InfoObject()
            .Add("Host", "host", host)
            .Add("Store", "store", store)
            .Add("Registries", "registries", DescribeRegistries())
            .Add("Plugins", "plugins", DescribePodmanPlugins())
            .Add("Version", "version", ProductVersion.Describe())
            .Add("ModularPlugins", "modularPlugins", DescribeModularPlugins())
            .ToReport();
    }

    public InfoReport GetVersion() => new InfoObject().Add("Client", ProductVersion.Describe()).ToReport();

    private async Task<InfoObject> DescribeHostAsync(CancellationToken cancellationToken)
    {
        var release = HostFacts.OsRelease();
        return new InfoObject()
            .Add("Arch", "arch", HostFacts.Arch)
            .Add("BuildahVersion", "buildahVersion", Build.BuilderIdentity.Version)
            .Add("CgroupManager", "cgroupManager", options.CgroupManager)
            .Add("CgroupsVersion", "cgroupVersion", HostFacts.CgroupVersion)
            .Add("Conmon", "conmon", await DescribeConmonAsync(cancellationToken))
            .Add("CPUs", "cpus", Environment.ProcessorCount)
            .Add("DatabaseBackend", "databaseBackend", "sqlite")
            .Add("Distribution", "distribution", new InfoObject()
                .Add("Distribution", "distribution", release.GetValueOrDefault("ID") ?? "")
                .Add("Version", "version", release.GetValueOrDefault("VERSION_ID") ?? "")
                .Add("Codename", "codename", release.GetValueOrDefault("VERSION_CODENAME") ?? ""))
            .Add("EventLogger", "eventLogger", "file")
            .Add("Hostname", "hostname", HostFacts.Hostname)
            .Add("Kernel", "kernel", HostFacts.Kernel)
            .Add("LogDriver", "logDriver", options.LogDriver)
            .Add("MemFree", "memFree", HostFacts.Memory("MemFree"))
            .Add("MemTotal", "memTotal", HostFacts.Memory("MemTotal"))
            .Add("NetworkBackend", "networkBackend", options.Networking.NetworkBackend)
            .Add("NetworkBackendInfo", "networkBackendInfo", await DescribeNetworkBackendAsync(cancellationToken))
            .Add("OCIRuntime", "ociRuntime", await DescribeRuntimeAsync(cancellationToken))
            .Add("OS", "os", "linux")
            .Add("Security", "security", DescribeSecurity())
            .Add("ServiceIsRemote", "serviceIsRemote", false)
            .Add("SwapFree", "swapFree", HostFacts.Memory("SwapFree"))
            .Add("SwapTotal", "swapTotal", HostFacts.Memory("SwapTotal"))
            .Add("Uptime", "uptime", HostFacts.Uptime())
            .Add("Variant", "variant", "")
            .Add("Linkmode", "linkmode", "dynamic");
    }

    // Podman's fields: what the kernel offers, and the capabilities containers get.
    private InfoObject DescribeSecurity() => new InfoObject()
        .Add("AppArmorEnabled", "apparmorEnabled", HostFacts.AppArmorEnabled)
        .Add("DefaultCapabilities", "capabilities", string.Join(",", options.DefaultCapabilities.Select(
            c => c.StartsWith("CAP_", StringComparison.Ordinal) ? c : "CAP_" + c)))
        .Add("Rootless", "rootless", false)
        .Add("SECCOMPEnabled", "seccompEnabled", HostFacts.SeccompEnabled)
        .Add("SECCOMPProfilePath", "seccompProfilePath", options.SeccompProfilePath)
        .Add("SELinuxEnabled", "selinuxEnabled", HostFacts.SelinuxEnabled);

    private async Task<InfoObject> DescribeConmonAsync(CancellationToken cancellationToken)
    {
        var path = options.ConmonPaths.FirstOrDefault(File.Exists);
        if (path is null)
        {
            return new InfoObject()
                .Add("Package", "package", "")
                .Add("Path", "path", "")
                .Add("Version", "version", "");
        }

        return new InfoObject()
            .Add("Package", "package", await ProgramFacts.PackageAsync(path, cancellationToken))
            .Add("Path", "path", path)
            .Add("Version", "version", await ProgramFacts.VersionAsync(path, cancellationToken));
    }

    // A runtime that fails to load shows in modularPlugins and info still answers, to help
    // find why; an id nobody provides is a configuration error and fails info as in Podman.
    private async Task<InfoObject> DescribeRuntimeAsync(CancellationToken cancellationToken)
    {
        var id = options.Runtime;
        var (path, version) = ("", "");
        try
        {
            var command = runtimes.Get(id).Resolve(RuntimeContexts.For(options, id));
            (path, version) = (command.Path, command.Version);
            if (version.Length == 0 && File.Exists(path))
            {
                version = await ProgramFacts.VersionAsync(path, cancellationToken);
            }
        }
        catch (ModularException e) when (e is not InvalidInputException)
        {
            Log.BackendUnavailable(logger, "runtime", id, e.Message);
        }

        var package = File.Exists(path) ? await ProgramFacts.PackageAsync(path, cancellationToken) : "";
        return new InfoObject()
            .Add("Name", "name", id)
            .Add("Package", "package", package)
            .Add("Path", "path", path)
            .Add("Version", "version", version);
    }

    private async Task<InfoObject> DescribeStoreAsync(CancellationToken cancellationToken)
    {
        var (running, paused, stopped) = await CountContainersAsync(cancellationToken);
        var size = HostFacts.FileSystemSize(options.GraphRoot);
        return new InfoObject()
            .Add("ConfigFile", "configFile", options.StorageConfFile ?? "")
            .Add("ContainerStore", "containerStore", new InfoObject()
                .Add("Number", "number", running + paused + stopped)
                .Add("Paused", "paused", paused)
                .Add("Running", "running", running)
                .Add("Stopped", "stopped", stopped))
            .Add("GraphDriverName", "graphDriverName", options.StorageDriver)
            .Add("GraphOptions", "graphOptions", ToJson(options.StorageOptions))
            .Add("GraphRoot", "graphRoot", options.GraphRoot)
            .Add("GraphRootAllocated", "graphRootAllocated", size.Total)
            .Add("GraphRootUsed", "graphRootUsed", size.Used)
            .Add("GraphStatus", "graphStatus", ToJson(await DriverStatusAsync(cancellationToken)))
            .Add("ImageCopyTmpDir", "imageCopyTmpDir", "/var/tmp")
            .Add("ImageStore", "imageStore", new InfoObject()
                .Add("Number", "number", await CountImagesAsync(cancellationToken)))
            .Add("RunRoot", "runRoot", options.RunRoot)
            .Add("TransientStore", "transientStore", false)
            .Add("VolumePath", "volumePath", Path.Combine(options.GraphRoot, "volumes"));
    }

    private async Task<IReadOnlyDictionary<string, string>> DriverStatusAsync(
        CancellationToken cancellationToken)
    {
        try
        {
            return (await drivers.GetAsync(cancellationToken)).Status;
        }
        catch (ModularException e) when (e is not InvalidInputException)
        {
            Log.BackendUnavailable(logger, "storage", options.StorageDriver, e.Message);
            return new Dictionary<string, string>();
        }
    }

    private static JsonObject ToJson(IReadOnlyDictionary<string, string> values) =>
        new(values.OrderBy(v => v.Key, StringComparer.Ordinal)
            .Select(v => KeyValuePair.Create(v.Key, (JsonNode?)JsonValue.Create(v.Value))));

    private JsonObject DescribeRegistries()
    {
        var search = RegistriesConf.SearchRegistries(options.RegistriesConfPath);
        return new JsonObject { ["search"] = new JsonArray([.. search.Select(r => (JsonNode?)r)]) };
    }

    // Podman's own plugins key: only the log drivers exist so far.
    private static InfoObject DescribePodmanPlugins() => new InfoObject()
        .Add("Volume", "volume", Array.Empty<string>())
        .Add("Network", "network", NetworkDrivers)
        .Add("Log", "log", new[] { "k8s-file", "none", "passthrough" })
        .Add("Authorization", "authorization", null);

    private IReadOnlyList<InfoObject> DescribeModularPlugins() =>
        [.. plugins.Statuses().Select(s => new InfoObject()
            .Add("Kind", "kind", s.Kind)
            .Add("Id", "id", s.Id)
            .Add("Status", "status", s.Status)
            .Add("Reason", "reason", s.Reason)
            .Add("Path", "path", s.Path))];
}
