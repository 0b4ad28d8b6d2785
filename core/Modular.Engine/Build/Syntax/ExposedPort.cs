using Modular.Contracts.Errors;

namespace Modular.Engine.Build.Syntax;

/// <summary>The image config ExposedPorts keys of one expanded EXPOSE word.</summary>
public static class ExposedPort
{
    /// <summary>
    /// <c>80</c> → <c>80/tcp</c>; <c>53/UDP</c> → <c>53/udp</c>; <c>8000-8002</c> → three keys.
    /// </summary>
    public static IReadOnlyList<string> Parse(string word)
    {
        var slash = word.IndexOf('/', StringComparison.Ordinal);
        var ports = slash < 0 ? word : word[..slash];
        var proto = slash < 0 ? "tcp" : word[(slash + 1)..].ToLowerInvariant();
        if (proto is not ("tcp" or "udp" or "sctp"))
        {
            throw new InvalidInputException($"invalid proto: {proto}");
        }

        var dash = ports.IndexOf('-', StringComparison.Ordinal);
        var first = Port(dash < 0 ? ports : ports[..dash], word);
        var last = dash < 0 ? first : Port(ports[(dash + 1)..], word);
        if (last < first)
        {
            throw new InvalidInputException($"invalid range specified for container port: {ports}");
        }

        return Enumerable.Range(first, last - first + 1).Select(p => $"{p}/{proto}").ToList();
    }

    private static int Port(string text, string word) =>
        int.TryParse(text, out var port) && port is >= 0 and <= 65535
            ? port
            : throw new InvalidInputException($"invalid containerPort: {word}");
}
