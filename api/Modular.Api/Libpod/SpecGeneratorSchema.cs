using Modular.Api.Http;

namespace Modular.Api.Libpod;

/// <summary>
/// The members of Podman's create body (specGeneratorWire, embedding SpecGenerator) that
/// <see cref="SpecGeneratorArguments"/> reads, with their Go types, so "command":"echo"
/// is refused with Go's text as Podman refuses it instead of failing in a conversion.
/// </summary>
public static class SpecGeneratorSchema
{
    public static readonly GoStruct Body = GoStruct.Of(
        "specGeneratorWire",
        ("image", GoType.String), ("name", GoType.String), ("oci_runtime", GoType.String),
        ("work_dir", GoType.String), ("user", GoType.String), ("hostname", GoType.String),
        ("pod", GoType.String), ("restart_policy", GoType.String),
        ("stop_timeout", new(GoKind.Int, "uint")), ("restart_tries", new(GoKind.Int, "uint")),
        ("remove", GoType.Bool), ("terminal", GoType.Bool), ("stdin", GoType.Bool),
        ("privileged", GoType.Bool), ("read_only_filesystem", GoType.Bool), ("init", GoType.Bool),
        ("env", GoType.StringMap), ("labels", GoType.StringMap), ("annotations", GoType.StringMap),
        ("cap_add", GoType.Strings), ("cap_drop", GoType.Strings),
        ("dns_server", GoType.List("[]net.IP")), ("entrypoint", GoType.Strings),
        ("command", GoType.Strings), ("portmappings", GoType.List("[]types.PortMapping")),
        ("mounts", GoType.List("[]specs.Mount")), ("volumes", GoType.List("[]*specgen.NamedVolume")),
        ("networks", GoType.Object("map[string]types.PerNetworkOptions")),
        ("netns", GoType.Object("specgen.Namespace")));
}
