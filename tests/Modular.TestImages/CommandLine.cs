namespace Modular.TestImages;

/// <summary>The parsed arguments of the test image command line.</summary>
public sealed record CommandLine(
    string Kind,
    string Name,
    string Marker,
    string Token,
    string? DockerArchive,
    string? OciArchive,
    string? Push,
    string? Positional,
    bool Oci)
{
    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        string? positional = null;
        var oci = false;
        for (var i = 1; i < args.Count; i++)
        {
            if (args[i] == "--oci")
            {
                oci = true;
            }
            else if (args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Count)
            {
                values[args[i]] = args[++i];
            }
            else if (positional is null && !args[i].StartsWith("--", StringComparison.Ordinal))
            {
                positional = args[i];
            }
            else
            {
                throw new ArgumentException("unexpected argument " + args[i]);
            }
        }

        return new CommandLine(
            args[0],
            values.GetValueOrDefault("--name", "localhost/" + args[0] + ":latest"),
            values.GetValueOrDefault("--marker", TestImageCatalog.DefaultMarker),
            values.GetValueOrDefault("--token", Guid.NewGuid().ToString("N")),
            values.GetValueOrDefault("--docker-archive"),
            values.GetValueOrDefault("--oci-archive"),
            values.GetValueOrDefault("--push"),
            positional,
            oci);
    }
}
