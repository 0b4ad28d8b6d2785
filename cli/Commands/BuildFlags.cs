using System.CommandLine;
using static Modular.Cli.Commands.CommandKit;

namespace Modular.Cli.Commands;

/// <summary>The flags of <c>build</c>, as Podman 5 names them.</summary>
public sealed class BuildFlags
{
    public Option<string[]> Tags { get; } = Values(
        "--tag",
        "tagged `name` to apply to the built image",
        "-t");
    public Option<string[]> Files { get; } = Values(
        "--file",
        "`pathname or URL` of a Dockerfile",
        "-f");
    public Option<string[]> BuildArgs { get; } = Values(
        "--build-arg",
        "`argument=value` to supply to the builder");
    public Option<string[]> BuildArgFiles { get; } = Values(
        "--build-arg-file",
        "`argfile.conf` containing lines of argument=value to supply to the builder");
    public Option<string?> Target { get; } = Value(
        "--target",
        "set the target build stage to build");
    public Option<bool> NoCache { get; } = Switch(
        "--no-cache",
        "do not use existing cached images for the container build. Build from the start with a "
        + "new set of cached layers.");
    public Option<bool> Layers { get; } = new("--layers")
    {
        Description = "use intermediate layers during build. Use BUILDAH_LAYERS environment "
            + "variable to override.",
        DefaultValueFactory = _ => GoBool.FromEnvironment("BUILDAH_LAYERS", fallback: true),
        CustomParser = GoBool.Parse,
    };
    public Option<bool> Squash { get; } = Switch(
        "--squash",
        "squash all image layers into a single layer");
    public Option<bool> SquashAll { get; } = Switch(
        "--squash-all",
        "Squash all layers into a single layer");
    public Option<string?> Pull { get; } = new("--pull")
    {
        Description =
            "pull base and SBOM scanner images from the registry. Values: always, missing, "
            + "never, newer (default \"missing\")",
        Arity = ArgumentArity.ZeroOrOne,
    };
    public Option<string?> Format { get; } = Value(
        "--format",
        "`format` of the built image's manifest and metadata. Use BUILDAH_FORMAT environment "
        + "variable to override.");
    public Option<string[]> Labels { get; } = Values(
        "--label",
        "set metadata for an image (default [])");
    public Option<string[]> Annotations { get; } = Values(
        "--annotation",
        "set metadata for an image (default [])");
    public Option<string?> IidFile { get; } = Value("--iidfile", "`file` to write the image ID to");
    public Option<bool> Quiet { get; } = Switch(
        "--quiet",
        "refrain from announcing build instructions and image read/write progress",
        "-q");
    public Option<string?> Network { get; } = Value(
        "--network",
        "Set the networking mode for the RUN instructions");
    public Option<string[]> Volumes { get; } = Values(
        "--volume",
        "bind mount a volume into the container",
        "-v");
    public Option<string[]> Secrets { get; } = Values(
        "--secret",
        "secret file to expose to the build");
    public Option<string[]> Env { get; } = Values(
        "--env",
        "set environment variable for the image");
    public Option<bool> OmitHistory { get; } = Switch(
        "--omit-history",
        "omit build history information from built image");
    public Option<long?> Timestamp { get; } = new("--timestamp")
    {
        Description =
            "set created timestamp to the specified epoch seconds to allow for deterministic "
            + "builds, defaults to current time",
    };
    public Option<string?> Platform { get; } = Value(
        "--platform",
        "set the OS/ARCH[/VARIANT] of the image to the provided value instead of the current "
        + "operating system and architecture of the host");
    public Option<string?> Runtime { get; } = Value(
        "--runtime",
        "`path` to an alternate runtime. Use BUILDAH_RUNTIME environment variable to override.");
    public Option<bool> Remove { get; } = new("--rm")
    {
        Description = "remove intermediate containers after a successful build",
        DefaultValueFactory = _ => true,
    };
    public Option<bool> ForceRemove { get; } = new("--force-rm")
    {
        Description =
            "always remove intermediate containers after a build, even if the build is "
            + "unsuccessful.",
        DefaultValueFactory = _ => true,
    };
    public Option<string?> IgnoreFile { get; } = Value(
        "--ignorefile",
        "path to an alternate .dockerignore file");
    public Argument<string[]> Context { get; } = Names("CONTEXT");

    public IEnumerable<Symbol> All =>
    [
        Tags, Files, BuildArgs, BuildArgFiles, Target, NoCache, Layers, Squash, SquashAll, Pull,
        Format,
        Labels, Annotations, IidFile, Quiet, Network, Volumes, Secrets, Env, OmitHistory, Timestamp,
        Platform, Runtime, Remove, ForceRemove, IgnoreFile, Context,
    ];
}
