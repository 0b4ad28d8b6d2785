using Modular.Contracts.Errors;
using Modular.Engine.Containers;

namespace Modular.Remote.Services;

/// <summary>
/// The create flags that cannot travel to a service, refused before anything is sent so a
/// remote container never runs with a setting silently left out.
/// </summary>
internal static class SpecGeneratorLimits
{
    public static void Refuse(CreateContainerRequest request)
    {
        // Descriptors are this process's own: a service in another process cannot inherit
        // them, which is why podman-remote has no --preserve-fds either.
        if (request.PreserveFds > 0 || request.PreserveFd.Count > 0)
        {
            throw new CapabilityMissingException(
                "--preserve-fds and --preserve-fd are not supported by the modpod remote client");
        }

        // Podman's SpecGenerator has one static_ip and one static_ipv6 outside "networks".
        if (request.StaticIps.Count(ip => !ip.Contains(':')) > 1
            || request.StaticIps.Count(ip => ip.Contains(':')) > 1)
        {
            throw new CapabilityMissingException(
                "more than one --ip or --ip6 is not supported by the modpod remote client");
        }
    }
}
