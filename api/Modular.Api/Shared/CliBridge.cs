using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Modular.Cli.Commands;
using Modular.Cli.Hosting;

namespace Modular.Api.Shared;

/// <summary>
/// Runs a modpod command in-process over the service's engine and hands back what it
/// printed. Routes use it where the CLI already shapes Podman's JSON (ps, inspect, info,
/// images, pod ps, volume ls ...), so both front ends print one shaping, not two.
/// </summary>
public static class CliBridge
{
    /// <summary>Runs <paramref name="args"/> (a verb and its flags) as `modpod args -- command`.</summary>
    public static async Task<CliOutput> RunAsync(
        HttpContext http,
        IReadOnlyList<string> args,
        IReadOnlyList<string>? containerCommand = null)
    {
        var parent = http.RequestServices.GetRequiredService<CliContext>();
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        await using var context = new CliContext(stdout, stderr, containerCommand ?? [])
        {
            ServiceOverride = parent.Services,
        };
        var argv = GlobalArguments(parent).Concat(args).ToList();
        var code = await ModpodCommandLine.InvokeAsync(context, argv, http.RequestAborted);
        return new CliOutput(code, stdout.ToString(), stderr.ToString(), context.Failure);
    }

    /// <summary>Like <see cref="RunAsync"/>, but a failure throws (the error middleware maps it).</summary>
    public static async Task<string> OutputAsync(
        HttpContext http,
        IReadOnlyList<string> args,
        IReadOnlyList<string>? containerCommand = null)
    {
        var result = await RunAsync(http, args, containerCommand);
        result.ThrowOnFailure();
        return result.Stdout;
    }

    /// <summary>The service's own global flags, so the command sees the same store paths.</summary>
    private static IEnumerable<string> GlobalArguments(CliContext parent)
    {
        var flags = parent.Flags;
        var pairs = new (string Flag, string? Value)[]
        {
            ("--root", flags.Root), ("--runroot", flags.RunRoot),
            ("--storage-driver", flags.StorageDriver), ("--runtime", flags.Runtime),
            ("--cgroup-manager", flags.CgroupManager),
        };
        foreach (var (flag, value) in pairs)
        {
            if (value is not null)
            {
                yield return flag;
                yield return value;
            }
        }
    }
}
