using Modular.Contracts.Errors;

namespace Modular.Engine.Containers.Networking;

/// <summary>
/// The ports a container exposes: the image's EXPOSE entries and <c>--expose</c> values
/// (a port or a range, tcp unless a protocol is given), as 80/tcp, without repeats.
/// </summary>
public static class ExposedPorts
{
    public static IReadOnlyList<string> Merge(IReadOnlyList<string> image, IReadOnlyList<string> flags)
    {
        var ports = image.ToList();
        foreach (var value in flags)
        {
            ports.AddRange(Expand(value));
        }

        return ports.Distinct(StringComparer.Ordinal).ToList();
    }

    private static IEnumerable<string> Expand(string value)
    {
        var parts = value.Split('/', 2);
        var protocol = parts.Length == 2 ? parts[1].ToLowerInvariant() : "tcp";
        if (protocol is not ("tcp" or "udp" or "sctp"))
        {
            throw new InvalidInputException($"invalid protocol \"{parts[1]}\" for port \"{value}\"");
        }

        var range = parts[0].Split('-', 2);
        var first = Port(range[0], value);
        var last = range.Length == 2 ? Port(range[1], value) : first;
        if (last < first)
        {
            throw new InvalidInputException($"invalid range for port \"{value}\": end before start");
        }

        return Enumerable.Range(first, last - first + 1).Select(port => $"{port}/{protocol}");
    }

    private static int Port(string text, string value) =>
        int.TryParse(text, System.Globalization.NumberStyles.None, null, out var port) && port is > 0 and < 65536
            ? port
            : throw new InvalidInputException($"invalid port \"{text}\" in --expose \"{value}\"");
}
