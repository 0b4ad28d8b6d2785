using System.Text.RegularExpressions;
using Modular.Contracts.Errors;

namespace Modular.Engine.Secrets;

/// <summary>Podman's limits on a new secret: its name, its size and its driver.</summary>
public static partial class SecretRules
{
    /// <summary>Podman refuses empty data and data of 512000 bytes or more.</summary>
    public const int MaxSize = 512000;

    public static void Validate(SecretCreateRequest request)
    {
        var name = request.Name;
        if (!NamePattern().IsMatch(name) || name.Length > 253 || name.EndsWith('-') || name.EndsWith('.'))
        {
            throw new InvalidInputException(
                "only 253 [a-zA-Z0-9-_.] characters allowed, and the start and end character must be "
                + $"[a-zA-Z0-9]: {name}: invalid secret name");
        }

        if (request.Data.Length == 0 || request.Data.Length >= MaxSize)
        {
            throw new InvalidInputException("secret data must be larger than 0 and less than 512000 bytes");
        }

        if (request.Driver is { Length: > 0 } driver && driver != "file")
        {
            throw new InvalidInputException($"{driver}: invalid driver");
        }

        if (request.Replace && request.Ignore)
        {
            throw new InvalidInputException("cannot ignore and replace at the same time");
        }
    }

    [GeneratedRegex("^[a-zA-Z0-9][a-zA-Z0-9_.-]*$")]
    private static partial Regex NamePattern();
}
