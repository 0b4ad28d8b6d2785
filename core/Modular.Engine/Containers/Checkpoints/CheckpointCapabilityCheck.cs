using Modular.Contracts.Checkpoint;
using Modular.Contracts.Errors;

namespace Modular.Engine.Containers.Checkpoints;

/// <summary>Refuses a flag whose checkpointer capability is missing, before anything runs.</summary>
public static class CheckpointCapabilityCheck
{
    public static void Require(CheckpointCapabilities capabilities, bool preDump, bool tcpEstablished)
    {
        if (preDump && !capabilities.PreDump)
        {
            // Podman's text. Here: the kernel has no soft-dirty tracking (criu mem_dirty_track).
            throw new CapabilityMissingException(
                "system (architecture/kernel/CRIU) does not support memory tracking");
        }

        if (tcpEstablished && !capabilities.TcpEstablished)
        {
            throw new CapabilityMissingException(
                "system (kernel/CRIU) cannot checkpoint established TCP connections");
        }
    }
}
