using Modular.Contracts.Errors;
using Modular.Engine.Registry;

namespace Modular.Engine.Build;

/// <summary>The platforms a build may target here: the CLI's --platform and the API's platform=.</summary>
public static class BuildPlatform
{
    /// <summary>Refuses a platform other than the host's, naming it as the user typed it.</summary>
    public static void CheckBuildable(string typed, Platform wanted)
    {
        var host = Platform.Host();
        if (wanted.Os != host.Os || wanted.Architecture != host.Architecture)
        {
            // Limitation: no emulation here; only the host's platform is built.
            throw new CapabilityMissingException(
                $"--platform {typed}: only {host.Os}/{host.Architecture} "
                + "can be built on this host");
        }
    }
}
