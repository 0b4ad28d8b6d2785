using System.Text.RegularExpressions;
using Modular.Contracts.Errors;

namespace Modular.Engine.Networks;

/// <summary>Podman's rules for network and interface names, with its error wording.</summary>
public static partial class NetworkNames
{
    /// <summary>Names that mean a network mode in --network, so no network may take them.</summary>
    public static readonly IReadOnlyList<string> Reserved =
        ["none", "host", "bridge", "private", "slirp4netns", "pasta", "container", "ns", "default"];

    public const int MaxInterfaceNameLength = 15;

    public static bool IsValid(string name) => NamePattern().IsMatch(name);

    /// <exception cref="InvalidInputException">A reserved or malformed name.</exception>
    public static void Validate(string name)
    {
        if (Reserved.Contains(name))
        {
            throw new InvalidInputException(
                $"cannot create network with name \"{name}\" because it conflicts with a valid network mode");
        }

        if (!IsValid(name))
        {
            throw new InvalidInputException($"network name {name} invalid: {InvalidNameReason}");
        }
    }

    public const string InvalidNameReason = "names must match [a-zA-Z0-9][a-zA-Z0-9_.-]*: invalid argument";

    /// <summary>Podman's checks of --interface-name: the kernel's limits on a link name.</summary>
    public static void ValidateInterface(string name)
    {
        string? problem = null;
        if (name.Length > MaxInterfaceNameLength)
        {
            problem = "interface name is too long: interface names must be 15 characters or less";
        }
        else if (name is "." or "..")
        {
            problem = "interface name is . or ..";
        }
        else if (name.Any(c => c is '/' or ':' || char.IsWhiteSpace(c)))
        {
            problem = "interface name contains / or : or whitespace characters";
        }

        if (problem is not null)
        {
            throw new InvalidInputException(
                $"network interface name {name} invalid: {problem}: invalid argument");
        }
    }

    [GeneratedRegex("^[a-zA-Z0-9][a-zA-Z0-9_.-]*$")]
    private static partial Regex NamePattern();
}
