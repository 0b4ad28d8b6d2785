using System.CommandLine;
using Modular.Engine.Containers.Resources;
using static Modular.Cli.Commands.CommandKit;

namespace Modular.Cli.Commands;

/// <summary>
/// The limits <c>pod create</c> takes for the pod's cgroup (Podman's pod create flags of
/// the same names); the members share them.
/// </summary>
public sealed class PodResourceOptions
{
    private readonly Option<string?> _memory = Value("--memory", "Memory limit (format: <number>[<unit>], where unit = b, k, m or g)", "-m");
    private readonly Option<string?> _memorySwap = Value("--memory-swap", "Swap limit equal to memory plus swap: '-1' to enable unlimited swap");
    private readonly Option<string?> _cpus = Value("--cpus", "Number of CPUs. The default is 0.000 which means no limit");
    private readonly Option<string?> _cpuShares = Value("--cpu-shares", "CPU shares (relative weight)");
    private readonly Option<string?> _cpusetCpus = Value("--cpuset-cpus", "CPUs in which to allow execution (0-3, 0,1)");
    private readonly Option<string?> _cpusetMems = Value("--cpuset-mems", "Memory nodes (MEMs) in which to allow execution (0-3, 0,1)");

    public Command AddTo(Command command) =>
        command.With(_memory, _memorySwap, _cpus, _cpuShares, _cpusetCpus, _cpusetMems);

    /// <summary>The flags given; null when none was.</summary>
    public ResourceFlags? ToFlags(ParseResult r)
    {
        var flags = new ResourceFlags
        {
            Memory = r.GetValue(_memory),
            MemorySwap = r.GetValue(_memorySwap),
            Cpus = r.GetValue(_cpus),
            CpuShares = ResourceOptions.Unsigned(r.GetValue(_cpuShares), "--cpu-shares"),
            CpusetCpus = r.GetValue(_cpusetCpus),
            CpusetMems = r.GetValue(_cpusetMems),
        };
        return flags.AnyLimit ? flags : null;
    }
}
