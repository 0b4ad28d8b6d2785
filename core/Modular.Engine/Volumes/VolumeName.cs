using System.Text.RegularExpressions;
using Modular.Contracts.Errors;

namespace Modular.Engine.Volumes;

/// <summary>Podman's rule for volume names (the same as for container names).</summary>
public static partial class VolumeName
{
    /// <summary>Returns the name, or throws Podman's error for an invalid one.</summary>
    public static string Validate(string name) =>
        Pattern().IsMatch(name)
            ? name
            : throw new InvalidInputException(
                $"invalid volume name \"{name}\": names must match [a-zA-Z0-9][a-zA-Z0-9_.-]*: invalid argument");

    [GeneratedRegex("^[a-zA-Z0-9][a-zA-Z0-9_.-]*$")]
    private static partial Regex Pattern();
}
