using Modular.Contracts.Errors;

namespace Modular.Engine.Security;

/// <summary>
/// A namespace flag's value (--ipc, --pid, --uts, --cgroupns) parsed with Podman's forms:
/// host, private, ns:PATH, container:NAME, and for ipc also shareable and none.
/// </summary>
public sealed record NamespaceMode(string Kind, string Value = "")
{
    public const string ContainerPrefix = "container:";
    public const string PathPrefix = "ns:";

    public bool IsHost => Kind == "host";
    public bool IsContainer => Kind == "container";
    public bool IsPath => Kind == "ns";

    /// <summary>The stored text: host, private, ns:PATH, container:ID.</summary>
    public override string ToString() => Value.Length == 0 ? Kind : $"{Kind}:{Value}";

    /// <summary>Parses <paramref name="value"/> of <paramref name="flag"/> (ipc, pid, uts, cgroupns).</summary>
    public static NamespaceMode Parse(string value, string flag)
    {
        if (value.StartsWith(ContainerPrefix, StringComparison.Ordinal)
            && value.Length > ContainerPrefix.Length)
        {
            return new NamespaceMode("container", value[ContainerPrefix.Length..]);
        }

        if (value.StartsWith(PathPrefix, StringComparison.Ordinal) && value.Length > PathPrefix.Length)
        {
            return new NamespaceMode("ns", value[PathPrefix.Length..]);
        }

        var allowed = flag switch
        {
            "ipc" => new[] { "host", "private", "shareable", "none" },
            "cgroupns" => ["host", "private"],
            _ => ["host", "private"],
        };
        return allowed.Contains(value)
            ? new NamespaceMode(value)
            : throw new InvalidInputException($"unrecognized namespace mode {value} passed");
    }
}
