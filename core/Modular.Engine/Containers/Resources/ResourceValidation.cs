using Modular.Contracts.Errors;

namespace Modular.Engine.Containers.Resources;

/// <summary>Podman's checks across limits, applied after every create and update.</summary>
internal static class ResourceValidation
{
    public static void Check(ContainerResources resources)
    {
        if (resources.MemoryLimit is { } limit && limit < ResourceParser.MinimumMemory)
        {
            throw new InvalidInputException("minimum memory limit allowed is 6MB");
        }

        if (resources.MemorySwap is > 0 && resources.MemoryLimit is null)
        {
            throw new InvalidInputException(
                "you should always set a memory limit when using a memoryswap limit, see usage");
        }

        if (resources.MemorySwap is > 0 && resources.MemoryLimit > resources.MemorySwap)
        {
            throw new InvalidInputException(
                "minimum memoryswap limit should be larger than memory limit, see usage");
        }

        if (resources.MemoryReservation is { } reservation && resources.MemoryLimit < reservation)
        {
            throw new InvalidInputException(
                "minimum memory limit cannot be less than memory reservation limit, see usage");
        }

        CheckCpuset(resources.CpusetCpus, "cpuset-cpus", Environment.ProcessorCount);
        CheckCpuset(resources.CpusetMems, "cpuset-mems", NumaNodes());
    }

    // A set names CPUs (or memory nodes) as N, N-M, comma separated; each must exist here.
    private static void CheckCpuset(string set, string flag, int available)
    {
        if (set.Length == 0)
        {
            return;
        }

        foreach (var part in set.Split(','))
        {
            var ends = part.Split('-');
            if (ends.Length > 2 || !ends.All(end => int.TryParse(end, out _)))
            {
                throw new InvalidInputException($"invalid value \"{set}\" for --{flag}");
            }

            if (ends.Select(int.Parse).Any(n => n < 0 || n >= available))
            {
                var what = flag == "cpuset-cpus" ? "CPUs" : "memory nodes";
                throw new InvalidInputException(
                    $"requested {what} are not available - requested {set}, available: 0-{available - 1}");
            }
        }
    }

    private static int NumaNodes()
    {
        const string nodes = "/sys/devices/system/node";
        return Directory.Exists(nodes)
            ? Math.Max(1, Directory.GetDirectories(nodes, "node*").Length)
            : 1;
    }
}
