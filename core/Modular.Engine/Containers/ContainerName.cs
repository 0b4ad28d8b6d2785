using System.Text.RegularExpressions;
using Modular.Contracts.Errors;

namespace Modular.Engine.Containers;

/// <summary>The names a user may give a container, by Podman's rule.</summary>
public static partial class ContainerName
{
    /// <summary>Refuses a name Podman would refuse, naming it, before anything is created.</summary>
    /// <exception cref="InvalidInputException">The name breaks the rule.</exception>
    public static void Validate(string? name)
    {
        if (name is not null && !Allowed().IsMatch(name))
        {
            // The tail is Podman's text, which scripts match.
            throw new InvalidInputException(
                $"container name \"{name}\": names must match [a-zA-Z0-9][a-zA-Z0-9_.-]*: invalid argument");
        }
    }

    /// <summary>True when <paramref name="name"/> follows the rule (pods share it).</summary>
    public static bool IsAllowed(string name) => Allowed().IsMatch(name);

    [GeneratedRegex("^[a-zA-Z0-9][a-zA-Z0-9_.-]*$")]
    private static partial Regex Allowed();
}
