using Modular.Contracts.Errors;

namespace Modular.Engine.Containers;

/// <summary><c>--annotation KEY=VALUE</c> values, with Podman's check and wording.</summary>
internal static class ContainerAnnotations
{
    /// <exception cref="InvalidInputException">A value without '='.</exception>
    public static Dictionary<string, string> Parse(IReadOnlyList<string> values)
    {
        var annotations = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            var equals = value.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                throw new InvalidInputException("annotations must be formatted KEY=VALUE");
            }

            annotations[value[..equals]] = value[(equals + 1)..];
        }

        return annotations;
    }
}
