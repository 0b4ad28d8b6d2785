using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Modular.Conformance.Runtime;
using Modular.Contracts.Plugins;
using Modular.Contracts.Runtime;

namespace Modular.Examples.Runtime.Runsc.Tests;

/// <summary>
/// The runtime kit against runsc. With MODULAR_RUNSC_PLUGIN_DIR set (build.sh sets it to
/// the folder it installed), the runtime comes from that installed copy through its
/// manifest's module, as the engine loads it; otherwise from this build.
/// </summary>
public sealed class RunscConformanceTests : OciRuntimeConformance
{
    protected override IOciRuntime CreateRuntime() =>
        Environment.GetEnvironmentVariable("MODULAR_RUNSC_PLUGIN_DIR") is { Length: > 0 } dir
            ? FromInstalledFolder(dir)
            : new RunscRuntime();

    [Fact]
    public void Checkpoints_and_some_cgroup_options_are_declared_missing()
    {
        var runtime = CreateRuntime();

        Assert.Null(runtime.Checkpoint);
        Assert.False(runtime.Features.SupportsCheckpoint);
        Assert.False(runtime.Features.SupportsDisabledCgroups);
        Assert.Contains("oom-kill-disable", runtime.Features.UnsupportedOptions ?? []);
    }

    private static IOciRuntime FromInstalledFolder(string dir)
    {
        var assembly = Assembly.LoadFrom(Path.Combine(dir, "Modular.Examples.Runtime.Runsc.dll"));
        var module = (IPluginModule)Activator.CreateInstance(
            assembly.GetType("Modular.Examples.Runtime.Runsc.RunscModule", throwOnError: true)!)!;
        var services = new ServiceCollection();
        module.Register(services, RunscRuntime.RuntimeId);
        return services.BuildServiceProvider().GetRequiredService<IOciRuntime>();
    }
}
