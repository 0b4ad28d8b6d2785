using Modular.Cli.Errors;
using Modular.Contracts.Errors;
using Modular.Engine.Pods;

namespace Modular.Cli.Commands;

/// <summary>
/// pod create's checks of its flags, in Podman's order and words (cmd/podman/pods/create.go
/// and the pod spec's validation): a name given twice, an empty label key, and every option
/// that only an infra container can carry when there is none.
/// </summary>
public static class PodCreateChecks
{
    public static string? Name(string? flag, string? positional) =>
        flag is { Length: > 0 } && positional is not null
            ? throw new UsageException("cannot specify --name and NAME at the same time")
            : positional ?? flag;

    public static IReadOnlyList<string> Labels(IReadOnlyList<string> labels)
    {
        foreach (var label in labels.Where(l => l.Length == 0 || l[0] == '='))
        {
            throw new InvalidInputException(
                $"unable to process labels: invalid label format: {System.Text.Json.JsonSerializer.Serialize(label)}");
        }

        return labels;
    }

    /// <summary>Podman makes no infra for a pod sharing nothing, unless --infra was typed.</summary>
    public static bool WantsInfra(bool infraGiven, bool infra, string? share) =>
        infraGiven ? infra : share is not ("none" or "");

    public static void RefuseInfraFlagsWithoutInfra(PodCreateRequest request)
    {
        if (request.Infra)
        {
            return;
        }

        if (request.NoHosts)
        {
            throw new UsageException("cannot specify --no-hosts without an infra container");
        }

        if (request.InfraName is not null)
        {
            throw new UsageException("cannot set infra-name without an infra container");
        }

        if (request.Share is { } share && share is not ("none" or ""))
        {
            throw new UsageException($"cannot set share({share}) namespaces without an infra container");
        }

        if (request.PortMappings.Count > 0)
        {
            throw new UsageException("you must have an infra container to publish port bindings to the host");
        }

        RefuseSpecOptions(request);
    }

    // The pod spec's own validation, which Podman's server side applies.
    private static void RefuseSpecOptions(PodCreateRequest request)
    {
        if (request.InfraCommand is not null)
        {
            throw Exclusive("InfraCommand");
        }

        if (request.InfraImage is not null)
        {
            throw Exclusive("InfraImage");
        }

        if (request.Networks.Count > 0)
        {
            throw new InvalidInputException("NoInfra and network modes cannot be used together");
        }
    }

    private static InvalidInputException Exclusive(string option) =>
        new($"NoInfra and {option} are mutually exclusive pod options: invalid pod spec");
}
