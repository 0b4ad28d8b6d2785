using System.Security.Cryptography;
using System.Text;
using CliWrap;
using CliWrap.Buffered;
using Modular.Contracts.Errors;
using Modular.Contracts.Runtime;

namespace Modular.Engine.Containers;

public sealed partial class ContainerService
{
    /// <summary>
    /// <c>--runtime</c> is a runtime's name or, as in Podman, the path of a runtime
    /// executable anywhere (a copy in /var/tmp, a build of one's own). A path keeps the
    /// plugin of the runtime it is: its file name when that names an installed runtime,
    /// else the first word of its <c>--version</c> ("crun version 1.8.1").
    /// </summary>
    private async Task<(string Id, string? Path)> ResolveRuntimeAsync(
        string runtime,
        CancellationToken cancellationToken)
    {
        if (!runtime.Contains('/'))
        {
            return (runtime, null);
        }

        var path = Path.GetFullPath(runtime);
        if (!File.Exists(path))
        {
            throw new InvalidInputException($"unable to find OCI runtime {runtime}: no such file or directory");
        }

        var installed = _runtimes.InstalledIds;
        var named = Path.GetFileName(path);
        var id = installed.Contains(named) ? named : await VersionNameAsync(path, cancellationToken);
        return installed.Contains(id)
            ? (id, path)
            : throw new InvalidInputException(
                $"unknown runtime \"{runtime}\": it reports itself as \"{id}\"; installed runtimes are {string.Join(", ", installed)}");
    }

    private static async Task<string> VersionNameAsync(string path, CancellationToken cancellationToken)
    {
        var result = await Cli.Wrap(path)
            .WithArguments(["--version"])
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(cancellationToken);
        return result.StandardOutput.Split((char[])[' ', '\n'], 2)[0].Trim();
    }

    /// <summary>
    /// A runtime given by path gets a state root of its own (by a hash of the path), so its
    /// containers and helper scripts never mix with those of the configured executable.
    /// </summary>
    private OciRuntimeContext ContextFor(string runtimeId, string? runtimePath)
    {
        if (runtimePath is null)
        {
            return ContextFor(runtimeId);
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(runtimePath)))[..12];
        var stateRoot = Path.Combine(_options.RunRoot, "runtime", $"{runtimeId}-{hash}");
        Directory.CreateDirectory(stateRoot);
        return new OciRuntimeContext(stateRoot, _options.CgroupManager, [runtimePath], _options.HelperDirectory);
    }
}
