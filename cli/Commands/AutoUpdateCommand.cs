using System.CommandLine;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Modular.Cli.Errors;
using Modular.Cli.Hosting;
using Modular.Cli.Output;
using Modular.Contracts.Errors;
using Modular.Engine.AutoUpdate;
using static Modular.Cli.Commands.CommandKit;

namespace Modular.Cli.Commands;

/// <summary>
/// <c>auto-update</c>: Podman's flags, table (a blank first column, then UNIT, CONTAINER,
/// IMAGE, POLICY, UPDATED) and JSON. See <see cref="AutoUpdater"/> for what cannot work
/// without systemd.
/// </summary>
public static class AutoUpdateCommand
{
    private const string DefaultFormat =
        "table \t{{.Unit}}\t{{.Container}}\t{{.Image}}\t{{.Policy}}\t{{.Updated}}";

    private static readonly string[] Fields =
        ["Unit", "Container", "ContainerName", "ContainerID", "Image", "Policy", "Updated"];

    public static Command Create(CliContext context)
    {
        var authFile = Value(
            "--authfile",
            "Path to the authentication file. Use REGISTRY_AUTH_FILE environment variable to override");
        var dryRun = Switch("--dry-run", "Check for pending updates");
        var rollback = new Option<bool>("--rollback")
        {
            Description = "Rollback to previous image if update fails", DefaultValueFactory = _ => true,
        };
        var format = Value("--format", "Change the output format to JSON or a Go template");
        var tlsVerify = new Option<bool?>("--tls-verify")
        {
            Description = "Require HTTPS and verify certificates when contacting registries",
        };
        var stray = Names("ARGS");
        stray.Hidden = true;
        return new Command("auto-update", "Auto update containers according to their auto-update policy")
            .With(authFile, dryRun, rollback, format, tlsVerify, stray)
            .WithAction(context, "auto-update", async (r, cancellationToken) =>
            {
                if (r.GetValue(stray) is { Length: > 0 })
                {
                    // Podman's wording, which its system tests expect.
                    throw new UsageException("`modpod auto-update` takes no arguments");
                }

                var updater = ActivatorUtilities.CreateInstance<AutoUpdater>(context.Services);
                var options = new AutoUpdateOptions(
                    r.GetValue(authFile), r.GetValue(dryRun), r.GetValue(rollback), r.GetValue(tlsVerify));
                var result = await updater.RunAsync(options, cancellationToken);
                if (result.Reports is { } reports)
                {
                    Write(context, reports, r.GetValue(format));
                }

                return result.Errors.Count == 0
                    ? ExitCodes.Success
                    : throw new BackendException(string.Join("\n", result.Errors));
            });
    }

    private static void Write(CliContext context, IReadOnlyList<AutoUpdateReport> reports, string? format)
    {
        var rows = reports.Select(ToJson).ToList();
        if (JsonOutput.IsJsonFormat(format))
        {
            context.Out.WriteLine(JsonOutput.Array(rows));
            return;
        }

        var text = new ReportFormatter("auto-update", new Dictionary<string, string>())
            .Render(format ?? DefaultFormat, rows, Fields, noHeading: false);
        context.Out.Write(text);
    }

    private static JsonObject ToJson(AutoUpdateReport r) => new()
    {
        ["Unit"] = r.SystemdUnit,
        ["Container"] = $"{r.ContainerId[..Math.Min(12, r.ContainerId.Length)]} ({r.ContainerName})",
        ["ContainerName"] = r.ContainerName,
        ["ContainerID"] = r.ContainerId,
        ["Image"] = r.ImageName,
        ["Policy"] = r.Policy,
        ["Updated"] = r.Updated,
    };
}
