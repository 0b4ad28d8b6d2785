using System.CommandLine;
using CliWrap;
using Command = System.CommandLine.Command;
using Modular.Cli.Hosting;
using Modular.Contracts.Errors;
using Modular.Engine.Images;
using static Modular.Cli.Commands.CommandKit;

namespace Modular.Cli.Commands;

/// <summary>
/// <c>container runlabel LABEL IMAGE [ARG...]</c>: pulls the image when it is missing,
/// reads the label (matched without regard to case), substitutes it (see
/// <see cref="RunlabelPlan"/>) and runs it with this process's streams and environment plus
/// PODMAN_RUNLABEL_NESTED=1, as Podman does. <c>--display</c> only prints it.
/// </summary>
public static class RunlabelCommand
{
    public static Command Create(CliContext context)
    {
        var f = new RunlabelFlags();
        var label = One("LABEL");
        var image = One("IMAGE");
        var args = Names("ARG");
        return new Command("runlabel", "Execute the command described by an image label")
            .With([.. f.All, label, image, args])
            .WithAction(context, "container runlabel", async (r, cancellationToken) =>
            {
                var input = r.GetValue(image)!;
                var local = await ImageAsync(context, input, f, r, cancellationToken);
                var name = r.GetValue(label)!.TrimStart('/');
                var value = local.Config.Labels
                    .FirstOrDefault(l => l.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;
                if (string.IsNullOrEmpty(value))
                {
                    throw new InvalidInputException(
                        $"cannot find the value of label: {name} in image: {input}");
                }

                var command = Plan(local, input, value, r.GetValue(args) ?? [], f, r);
                if (r.GetValue(f.Display))
                {
                    await context.Out.WriteLineAsync(
                        $"command: {string.Join(' ', [ArgvZero(), .. command.Skip(1)])}");
                    return 0;
                }

                if (r.GetValue(f.Replace))
                {
                    await ReplaceAsync(context, command, cancellationToken);
                }

                return await RunAsync(context, command, r.GetValue(f.Quiet), f.Options(r), cancellationToken);
            });
    }

    private static async Task<LocalImage> ImageAsync(
        CliContext context,
        string input,
        RunlabelFlags f,
        ParseResult r,
        CancellationToken cancellationToken)
    {
        try
        {
            return await context.Images.ResolveAsync(input, cancellationToken);
        }
        catch (NotFoundException)
        {
            var options = f.Registry.Options(r, r.GetValue(f.Quiet), context.Error, r.GetValue(f.SignaturePolicy));
            return await context.Images.PullAsync(input, options, cancellationToken);
        }
    }

    private static IReadOnlyList<string> Plan(
        LocalImage image,
        string input,
        string label,
        IReadOnlyList<string> args,
        RunlabelFlags f,
        ParseResult r)
    {
        // The newest name, else the id (Podman's NamesHistory()[0]).
        var imageName = image.NamesHistory.FirstOrDefault() ?? image.Names.FirstOrDefault() ?? image.Id;
        var name = r.GetValue(f.Name) is { Length: > 0 } given
            ? given
            : RunlabelPlan.DefaultName(imageName, image.Id, input);
        var self = Environment.ProcessPath ?? "/proc/self/exe";
        var command = RunlabelPlan.Build(label, args, imageName, name, self, f.Options(r));
        return command.Count > 0 ? command : throw new InvalidInputException("label has no command");
    }

    /// <summary>--replace: removes the container the command names with --name, if any.</summary>
    private static async Task ReplaceAsync(
        CliContext context,
        IReadOnlyList<string> command,
        CancellationToken cancellationToken)
    {
        var at = command.ToList().IndexOf("--name");
        if (at < 0 || at + 1 >= command.Count)
        {
            return;
        }

        try
        {
            await context.Containers.RemoveAsync(command[at + 1], true, null, cancellationToken);
        }
        catch (NotFoundException)
        {
            // Nothing to replace: the command creates it.
        }
    }

    private static async Task<int> RunAsync(
        CliContext context,
        IReadOnlyList<string> command,
        bool quiet,
        IReadOnlyDictionary<string, string> options,
        CancellationToken cancellationToken)
    {
        var environment = new Dictionary<string, string?>(
            options.ToDictionary(o => o.Key, o => (string?)o.Value))
        {
            ["PODMAN_RUNLABEL_NESTED"] = "1",
        };
        var run = CliWrap.Cli.Wrap(command[0])
            .WithArguments(command.Skip(1))
            .WithEnvironmentVariables(environment)
            .WithValidation(CommandResultValidation.None);
        if (!quiet)
        {
            run = run.WithStandardInputPipe(PipeSource.FromStream(Console.OpenStandardInput()))
                .WithStandardOutputPipe(PipeTarget.ToStream(context.OpenStdout()))
                .WithStandardErrorPipe(PipeTarget.ToStream(context.OpenStderr()));
        }

        await context.Out.FlushAsync(cancellationToken);
        var result = await run.ExecuteAsync(cancellationToken);
        return result.ExitCode == 0
            ? 0
            : throw new BackendException(
                $"`{command[0]} {string.Join(' ', command.Skip(1))}` failed: exit status {result.ExitCode}");
    }

    /// <summary>argv[0] as typed, which Podman prints for --display (os.Args[0]).</summary>
    private static string ArgvZero()
    {
        try
        {
            var cmdline = File.ReadAllText("/proc/self/cmdline");
            var first = cmdline.Split('\0')[0];
            return first.Length > 0 ? first : "modpod";
        }
        catch (IOException)
        {
            return Environment.GetCommandLineArgs()[0];
        }
    }
}
