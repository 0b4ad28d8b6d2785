using System.CommandLine;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Modular.Cli.Errors;
using Modular.Cli.Hosting;
using Modular.Cli.Output;
using Modular.Cli.Templates;
using Modular.Engine.Info;
using static Modular.Cli.Commands.CommandKit;

namespace Modular.Cli.Commands;

/// <summary><c>version</c> and <c>info</c>.</summary>
public static class SystemCommands
{
    /// <summary>The API level of Podman whose command surface modpod follows.</summary>
    public const string PodmanApiVersion = Modular.Engine.Info.ProductVersion.ApiVersion;

    public static string ProductVersion { get; } =
        typeof(SystemCommands).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()
            ?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <summary>version never builds the engine, so it stays as fast as the runtime starts.</summary>
    public static Command Version(CliContext context)
    {
        var format = Value("--format", "Print as JSON or through a Go template", "-f");
        return new Command("version", "Show the version of modpod and the API it follows").With(format)
            .WithAction(context, "version", async (r, cancellationToken) =>
            {
                var version = VersionObject();
                if (context.IsRemote)
                {
                    version["Server"] = RemoteVersion.Server(
                        await RemoteHosting.ServerVersionAsync(context, cancellationToken));
                }

                context.Out.Write(Render(version, r.GetValue(format), "version", HumanVersion));
                return ExitCodes.Success;
            });
    }

    public static Command Info(CliContext context)
    {
        var format = Value("--format", "Print as JSON or through a Go template, not YAML", "-f");
        return new Command("info", "Show the host, the store and the plugins in use").With(format)
            .WithAction(context, "info", async (r, cancellationToken) =>
            {
                var provider = context.Services.GetRequiredService<IInfoProvider>();
                var report = await provider.GetInfoAsync(cancellationToken);
                var chosen = r.GetValue(format);

                // Podman prints json tags for json and YAML, but templates see Go field names.
                var data = chosen is null || JsonOutput.IsJsonFormat(chosen) ? report.Json : report.Template;
                context.Out.Write(Render(data, chosen, "info", YamlWriter.Write));
                return ExitCodes.Success;
            });
    }

    /// <summary>Podman's <c>version --format json</c> shape: Client with Go field names.</summary>
    public static JsonObject VersionObject() => new()
    {
        ["Client"] = new JsonObject
        {
            ["APIVersion"] = PodmanApiVersion,
            ["Version"] = ProductVersion,
            ["GoVersion"] = "dotnet" + Environment.Version,
            ["GitCommit"] = "",
            ["BuiltTime"] = BuildTime.Ansic,
            ["Built"] = BuildTime.UnixSeconds,
            ["OsArch"] = "linux/" + ArchName(),
            ["Os"] = "linux",
        },
    };

    private static string Render(
        JsonObject data,
        string? format,
        string name,
        Func<JsonObject, string> human)
    {
        if (format is null)
        {
            return human(data);
        }

        if (JsonOutput.IsJsonFormat(format))
        {
            return JsonOutput.Value(data) + "\n";
        }

        return GoTemplate.Parse(name, ReportFormatter.Normalize(format).Body).Execute(data);
    }

    private static string HumanVersion(JsonObject version)
    {
        var client = (JsonObject)version["Client"]!;
        var sb = new StringBuilder();
        sb.Append("Client:       Modular Engine\n");
        sb.Append($"Version:      {client["Version"]}\n");
        sb.Append($"API Version:  {client["APIVersion"]}\n");
        sb.Append($"Go Version:   {client["GoVersion"]}\n");
        sb.Append($"Built:        {client["BuiltTime"]}\n");
        sb.Append($"OS/Arch:      {client["OsArch"]}\n");
        if (version["Server"] is JsonObject server)
        {
            // podman-remote prints the service's block after a blank line, under "Server:".
            sb.Append("\nServer:       Modular Engine\n");
            sb.Append($"Version:      {server["Version"]}\n");
            sb.Append($"API Version:  {server["APIVersion"]}\n");
            sb.Append($"Go Version:   {server["GoVersion"]}\n");
            sb.Append($"Built:        {server["BuiltTime"]}\n");
            sb.Append($"OS/Arch:      {server["OsArch"]}\n");
        }

        return sb.ToString();
    }

    private static string ArchName() => RuntimeInformation.OSArchitecture switch
    {
        Architecture.X64 => "amd64",
        Architecture.Arm64 => "arm64",
        var other => other.ToString().ToLowerInvariant(),
    };
}
