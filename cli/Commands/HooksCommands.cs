using System.CommandLine;
using Modular.Cli.Errors;
using Modular.Cli.Hosting;
using Modular.Cli.Output;
using Modular.Engine.OciHooks;
using Modular.Hooks;
using static Modular.Cli.Commands.CommandKit;

namespace Modular.Cli.Commands;

/// <summary>
/// <c>hooks ls</c> and <c>hooks test</c>: Modular's own view of the OCI hooks (hooks.d) that
/// <c>--hooks-dir</c> or containers.conf <c>hooks_dir</c> name. Podman has no such commands;
/// see docs/hooks.md.
/// </summary>
public static class HooksCommands
{
    public static Command Group(CliContext c) =>
        new Command("hooks", "Show the OCI hooks (hooks.d) and which would fire for a container")
            .With(List(c), Test(c));

    public static Command List(CliContext context)
    {
        var format = Value("--format", "Print as JSON (json) or with a Go template");
        var noHeading = Switch("--noheading", "Do not print headers", "-n");
        var command = new Command("ls", "List the hooks found, and files that cannot be used")
            .With(format, noHeading);
        command.Aliases.Add("list");
        return command.WithAction(context, "hooks ls", (r, _) =>
        {
            var catalog = HookCatalog.Load(context.Host.Options.HooksDirectories);
            var entries = HookView.ListRows(catalog);
            var chosen = r.GetValue(format);
            if (JsonOutput.IsJsonFormat(chosen))
            {
                context.Out.WriteLine(HookView.Array(entries.Select(HookView.ListJson)));
                return Task.FromResult(ExitCodes.Success);
            }

            var formatter = new ReportFormatter("hooks ls", new Dictionary<string, string>());
            var template = ReportFormatter.OrDefault(chosen, HookView.ListFormat);
            var rows = entries.Select(HookView.ListRow).ToList();
            context.Out.Write(
                formatter.Render(template, rows, HookView.ListFields, r.GetValue(noHeading)));
            return Task.FromResult(ExitCodes.Success);
        });
    }

    public static Command Test(CliContext context)
    {
        var flags = new RunFlags();
        var format = Value("--format", "Print as JSON (json) or with a Go template");
        var command = flags.AddTo(new Command(
            "test",
            "Show which hooks a container of these run flags, IMAGE and command would get, and at which stage"));
        command.Options.Add(format);
        return command.WithAction(context, "hooks test", async (r, cancellationToken) =>
        {
            var request = flags.ToRequest(
                r, context.ContainerCommand, false, Environment.GetEnvironmentVariable);
            var preview = await new HookPreview(context.Host.Options, context.Images)
                .PreviewAsync(request, cancellationToken);
            var chosen = r.GetValue(format);
            if (JsonOutput.IsJsonFormat(chosen))
            {
                context.Out.WriteLine(HookView.TestJson(preview));
                return ExitCodes.Success;
            }

            var formatter = new ReportFormatter("hooks test", new Dictionary<string, string>());
            var template = ReportFormatter.OrDefault(chosen, HookView.TestFormat);
            var rows = preview.Matches.Select(HookView.TestRow).ToList();
            context.Out.Write(
                formatter.Render(template, rows, HookView.TestFields, noHeading: false));
            return ExitCodes.Success;
        });
    }
}
