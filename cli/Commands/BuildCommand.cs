using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Modular.Cli.Errors;
using Modular.Cli.Hosting;
using Modular.Contracts.Errors;
using Modular.Engine.Build;
using Modular.Engine.Containers;
using Modular.Engine.Images;
using static Modular.Cli.Commands.CommandKit;

namespace Modular.Cli.Commands;

/// <summary>
/// <c>build [CONTEXT]</c> (also <c>image build</c> and <c>buildx build</c>): builds an image
/// from a Containerfile. A failing RUN exits with its command's status, as Podman.
/// </summary>
public static partial class BuildCommand
{
    public static Command Create(CliContext context, string name = "build")
    {
        var flags = new BuildFlags();
        var run = new BuildRunFlags();
        return new Command(name, "Build an image using instructions from Containerfiles")
            .With([.. flags.All, .. run.All])
            .WithAction(context, "build", async (r, cancellationToken) =>
            {
                try
                {
                    CheckFlags(flags, run, r);
                    await using var log = LogTarget.Open(context, r.GetValue(run.LogFile));
                    return await BuildAsync(context, log, flags, run, r, cancellationToken);
                }
                catch (BuildRunException e)
                {
                    context.Error.WriteLine("Error: " + e.Message);
                    return e.ExitCode;
                }
            });
    }

    /// <summary>
    /// <c>buildx</c>: Podman's alias group: <c>build</c> (whose <c>--load</c> is a hidden
    /// no-op there, the image always landing in the store) and <c>version</c>.
    /// </summary>
    public static Command Buildx(CliContext context)
    {
        var build = Create(context);
        build.Options.Add(new Option<bool>("--load") { Hidden = true });
        var version = new Command("version", "Show builder version information")
            .WithAction(context, "buildx version", (_, _) =>
            {
                context.Out.WriteLine("buildah " + BuilderIdentity.Version);
                return Task.FromResult(ExitCodes.Success);
            });
        return new Command("buildx", "Build images").With(build, version);
    }

    private static async Task<int> BuildAsync(
        CliContext context,
        LogTarget log,
        BuildFlags flags,
        BuildRunFlags run,
        ParseResult r,
        CancellationToken cancellationToken)
    {
        foreach (var argFile in r.GetValue(flags.BuildArgFiles)!)
        {
            BuildPathChecks.CheckArgFile(argFile);
        }

        if (r.GetValue(flags.IidFile) is { } iidFile)
        {
            BuildPathChecks.CheckIidFile(iidFile);
        }

        var pullGiven = r.Tokens.Any(
            t => t.Value == "--pull" || t.Value.StartsWith("--pull=", StringComparison.Ordinal));
        var (pull, contextArgs) = PullAndContext(
            r.GetValue(flags.Pull), r.GetValue(flags.Context)!, pullGiven);
        pull = r.GetValue(run.PullNever) ? PullPolicyMode.Never
            : r.GetValue(run.PullAlways) ? PullPolicyMode.Always
            : pull;
        await using var input = await BuildInput.OpenAsync(
            context, contextArgs, r.GetValue(flags.Files)!, cancellationToken);
        var options = new BuildOptions(
            input.ContextDirectory, input.Containerfile, log.Out, log.Error)
        {
            Tags = r.GetValue(flags.Tags)!,
            BuildArgs = await BuildArgsAsync(
                r.GetValue(flags.BuildArgFiles)!, r.GetValue(flags.BuildArgs)!, cancellationToken),
            Target = r.GetValue(flags.Target),
            NoCache = r.GetValue(flags.NoCache),
            Layers = r.GetValue(flags.Layers),
            Pull = pull,
            Docker = Docker(r.GetValue(flags.Format)),
            Labels = r.GetValue(flags.Labels)!,
            Annotations = r.GetValue(flags.Annotations)!,
            Env = r.GetValue(flags.Env)!,
            Squash = r.GetValue(flags.Squash),
            SquashAll = r.GetValue(flags.SquashAll),
            OmitHistory = r.GetValue(flags.OmitHistory),
            Timestamp = r.GetValue(flags.Timestamp) is { } seconds
                ? DateTimeOffset.FromUnixTimeSeconds(seconds)
                : null,
            Quiet = r.GetValue(flags.Quiet),
            Network = r.GetValue(flags.Network),
            Volumes = r.GetValue(flags.Volumes)!,
            Secrets = Secrets(r.GetValue(flags.Secrets)!),
            Platform = r.GetValue(flags.Platform),
            Runtime = r.GetValue(flags.Runtime),
            IgnoreFile = r.GetValue(flags.IgnoreFile),
            ContainerfilePaths = r.GetValue(flags.Files)!,
            OpenStdout = log.OpenStdout,
            OpenStderr = log.OpenStderr,
            Containers = RunSettings(run, r),
            AuthFile = r.GetValue(run.AuthFile),
            TlsVerify = r.GetValue(run.TlsVerify),
        };
        CheckPlatform(options.Platform);
        var executor = context.Services.GetRequiredService<IImageBuilder>();
        var id = await executor.BuildAsync(options, cancellationToken);
        if (r.GetValue(flags.IidFile) is { } path)
        {
            await File.WriteAllTextAsync(path, "sha256:" + id, cancellationToken);
        }

        context.Out.WriteLine(id);
        return ExitCodes.Success;
    }

    /// <summary>
    /// Podman's --pull takes its value only with "=", so "--pull never ." is read there as
    /// the flag and two arguments; here a policy word after --pull is its value either way.
    /// </summary>
    private static (PullPolicyMode Pull, string[] Context) PullAndContext(
        string? value,
        string[] args,
        bool given)
    {
        if (!given)
        {
            return (PullPolicyMode.Missing, args);
        }

        if (value is null)
        {
            return (PullPolicyMode.Always, args);
        }

        return value.ToLowerInvariant() is "always" or "true" or "missing" or "never" or "false"
            or "newer" or "ifmissing" or "ifnewer" or "ifnotpresent"
            ? (RunFlags.PullPolicy(value), args)
            : (PullPolicyMode.Always, [value, .. args]);
    }

    private static bool Docker(string? format)
    {
        format ??= Environment.GetEnvironmentVariable("BUILDAH_FORMAT");
        return format switch
        {
            null or "" or "oci" => false,
            "docker" => true,
            _ => throw new UsageException($"unrecognized image type \"{format}\""),
        };
    }

    private static void CheckPlatform(string? platform)
    {
        if (platform is null)
        {
            return;
        }

        BuildPlatform.CheckBuildable(platform, Modular.Engine.Registry.Platform.Parse(platform));
    }

    private static async Task<Dictionary<string, string>> BuildArgsAsync(
        string[] files,
        string[] args,
        CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = new List<string>();
        foreach (var file in files)
        {
            lines.AddRange((await File.ReadAllLinesAsync(file, cancellationToken))
                .Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')));
        }

        foreach (var arg in lines.Concat(args))
        {
            var parts = arg.Split('=', 2);
            if (parts.Length == 2)
            {
                values[parts[0]] = parts[1];
            }
            else if (Environment.GetEnvironmentVariable(parts[0]) is { } fromEnv)
            {
                values[parts[0]] = fromEnv;
            }
        }

        return values;
    }

    private static Dictionary<string, string> Secrets(string[] secrets)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var secret in secrets)
        {
            var fields = secret.Split(',')
                .Select(f => f.Split('=', 2))
                .ToDictionary(f => f[0], f => f.Length > 1 ? f[1] : "");
            var id = fields.GetValueOrDefault("id")
                ?? throw new UsageException($"missing id in secret \"{secret}\"");
            var source = fields.GetValueOrDefault("src") ?? fields.GetValueOrDefault("source")
                ?? (fields.GetValueOrDefault("env") is { } env ? null : id);
            values[id] = source is not null && File.Exists(source)
                ? Path.GetFullPath(source)
                : throw new UsageException($"secret \"{id}\": no such file \"{source}\"");
        }

        return values;
    }
}
