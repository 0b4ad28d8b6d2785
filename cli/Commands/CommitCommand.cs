using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Modular.Cli.Errors;
using Modular.Cli.Hosting;
using Modular.Engine.Commit;
using static Modular.Cli.Commands.CommandKit;

namespace Modular.Cli.Commands;

/// <summary><c>commit CONTAINER [IMAGE]</c>: a container's changes become a new image.</summary>
public static class CommitCommand
{
    public static Command Create(CliContext context)
    {
        var changes = Values("--change", "Apply the following possible instructions to the created image (default []): CMD | ENTRYPOINT | ENV | EXPOSE | LABEL | ONBUILD | STOPSIGNAL | USER | VOLUME | WORKDIR", "-c");
        var message = Value("--message", "Set commit message for imported image", "-m");
        var author = Value("--author", "Set the author for the image committed", "-a");
        var pause = Switch("--pause", "Pause container during commit", "-p");
        var format = new Option<string>("--format", "-f") { Description = "`Format` of the image manifest and metadata", DefaultValueFactory = _ => "oci" };
        var quiet = Switch("--quiet", "Suppress output", "-q");
        var squash = Switch("--squash", "squash newly built layers into a single new layer", "-s");
        var volumes = Switch("--include-volumes", "Include container volumes as image volumes");
        var iidfile = Value("--iidfile", "`file` to write the image ID to");
        var args = Names("ARGS");
        return new Command("commit", "Create new image based on the changed container")
            .With(changes, message, author, pause, format, quiet, squash, volumes, iidfile, args)
            .WithAction(context, "commit", async (r, cancellationToken) =>
            {
                var values = r.GetValue(args)!;
                var docker = Format(r.GetValue(format)!);
                Validate(values);

                // The OCI image config has no field for a comment; Podman refuses rather than drop it.
                if (r.GetValue(message) is { Length: > 0 } && !docker)
                {
                    throw new UsageException("messages are only compatible with the docker image format (-f docker)");
                }

                var options = new CommitOptions(
                    values.Length > 1 ? values[1] : null,
                    r.GetValue(changes)!,
                    r.GetValue(message),
                    r.GetValue(author),
                    r.GetValue(pause),
                    docker,
                    r.GetValue(squash),
                    r.GetValue(volumes),
                    r.GetValue(quiet) ? null : context.Error);
                var committer = context.Services.GetRequiredService<IContainerCommitter>();
                var id = await committer.CommitAsync(values[0], options, cancellationToken);
                if (r.GetValue(iidfile) is { } path)
                {
                    await File.WriteAllTextAsync(path, id, cancellationToken);
                }

                context.Out.WriteLine(id);
                return ExitCodes.Success;
            });
    }

    private static bool Format(string format) => format switch
    {
        "oci" => false,
        "docker" => true,
        _ => throw new UsageException($"unrecognized image type \"{format}\""),
    };

    private static void Validate(string[] values)
    {
        if (values.Length == 0)
        {
            throw new UsageException("requires at least 1 arg(s), only received 0");
        }

        if (values.Length > 2)
        {
            throw new UsageException($"accepts at most 2 arg(s), received {values.Length}");
        }
    }
}
