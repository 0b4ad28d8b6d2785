using Modular.Contracts.Errors;

namespace Modular.Engine.Pods;

/// <summary>Podman's <c>--exit-policy</c> words.</summary>
public static class PodExitPolicy
{
    public const string Continue = "continue";
    public const string Stop = "stop";

    /// <summary>The policy, or Podman's refusal for another word.</summary>
    public static string Parse(string? value) => value switch
    {
        null or "" => Continue,
        Continue or Stop => value,
        _ => throw new InvalidInputException(
            $"running pod create option: invalid pod exit policy: \"{value}\""),
    };
}
