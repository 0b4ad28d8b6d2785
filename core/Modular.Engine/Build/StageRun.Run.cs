using Modular.Contracts.Errors;
using Modular.Engine.Build.Syntax;
using Modular.Engine.Commit;
using Modular.Engine.Containers;

namespace Modular.Engine.Build;

internal sealed partial class StageRun
{
    private StepPlan PlanRun(RunInstruction run)
    {
        // A "#!" heredoc runs as a script file by its interpreter (ShebangFile).
        var argv = run.ShebangScript is null
            ? run.Script.ToArgv(_shell)
            : run.ShebangCommand(ShebangFile.Target).ToArgv(_shell);
        var args = _scope.RunArgs;
        var prefix = args.Count == 0 ? "" : $"|{args.Count} {string.Join(' ', args.Select(a => $"{a.Key}={a.Value}"))} ";
        var createdBy = prefix + string.Join(' ', argv);
        var mounts = new RunMounts(
            _session, run.Mounts, Expand, (from, ct) => MountFromAsync(from, "RUN --mount from", ct));
        return new StepPlan(
            createdBy,
            ContentKey(run, mounts),
            cancellationToken => RunContainerAsync(run, argv, args, mounts, cancellationToken),
            mounts);
    }

    /// <summary>
    /// What else a RUN step's cache entry depends on: its mounts, a #! script's text and
    /// the build's container flags (a step run with --ulimit or seccomp=unconfined is not
    /// the one run without them). Unchanged for a plain build, so old entries still hit.
    /// </summary>
    private string ContentKey(RunInstruction run, RunMounts mounts)
    {
        var key = mounts.Key;

        // A bind from an earlier stage hits the cache only while that stage's image is the same.
        foreach (var from in run.Mounts.Select(m => m.From).OfType<string>())
        {
            key += $"|from:{FromKey(Expand(from))}";
        }

        if (run.ShebangScript is { } doc)
        {
            key += $"|script:{LayerCache.Key(doc.Content)}";
        }

        var settings = _session.Options.Containers;
        string[] flags =
        [
            .. settings.Ulimits.Select(v => "ulimit=" + v),
            .. settings.SecurityOpts.Select(v => "security-opt=" + v),
            .. settings.CapAdd.Select(v => "cap-add=" + v),
            .. settings.CapDrop.Select(v => "cap-drop=" + v),
            .. settings.DnsServers.Select(v => "dns=" + v),
            .. settings.DnsSearch.Select(v => "dns-search=" + v),
            .. settings.DnsOptions.Select(v => "dns-option=" + v),
        ];
        return flags.Length == 0 ? key : $"{key}|run:{LayerCache.Key([.. flags])}";
    }

    private async Task<CapturedLayer?> RunContainerAsync(
        RunInstruction run,
        IReadOnlyList<string> argv,
        IReadOnlyList<KeyValuePair<string, string>> args,
        RunMounts mounts,
        CancellationToken cancellationToken)
    {
        if (_imageId is null)
        {
            throw new InvalidInputException($"building at STEP \"{run.StepText}\": no image to run in (FROM scratch)");
        }

        using var script = run.ShebangScript is { } doc
            ? new ShebangFile(Services.Store.TempDirectory, doc.Content)
            : null;
        string[] scriptVolume = script is null ? [] : [script.Volume];
        var settings = _session.Options.Containers;
        var request = new CreateContainerRequest
        {
            Image = _imageId,
            Name = $"modpod-build-{Guid.NewGuid():N}"[..32],
            Command = argv,
            Entrypoint = "",
            Env = [.. args.Select(a => $"{a.Key}={a.Value}")],
            WorkingDir = _config["WorkingDir"]?.GetValue<string>(),
            User = _config["User"]?.GetValue<string>(),
            Network = run.Network ?? _session.Options.Network,
            Volumes =
            [
                .. _session.Options.Volumes,
                .. await mounts.VolumesAsync(cancellationToken),
                .. scriptVolume,
            ],
            Tmpfs = mounts.Tmpfs,
            Pull = PullPolicyMode.Never,
            Runtime = _session.Options.Runtime,
            Labels = [$"{BuildContainers.Label}=true"],
            Attach = true,
            DnsServers = settings.DnsServers,
            DnsSearch = settings.DnsSearch,
            DnsOptions = settings.DnsOptions,
            Security = new Security.SecurityFlags
            {
                Ulimits = settings.Ulimits,
                SecurityOpts = settings.SecurityOpts,
                CapAdd = settings.CapAdd,
                CapDrop = settings.CapDrop,
            },
        };
        var container = await Services.Containers.CreateAsync(request, cancellationToken);
        try
        {
            int exit;
            try
            {
                exit = await StartAsync(container.Id, cancellationToken);
            }
            catch (Exception e) when (e is BackendException or CannotInvokeException)
            {
                // The runtime refused to run the step (a bad --runtime-flag ...): Buildah
                // reports the runtime's exit status 1, not an engine error.
                throw new BuildRunException(run.StepText, 1, e.Message);
            }

            if (exit != 0)
            {
                throw new BuildRunException(run.StepText, exit);
            }

            // The default mounts' points stay out of the layer, as RUN --mount targets do.
            var targets = new HashSet<string>(mounts.Targets);
            targets.UnionWith(DefaultMounts.Read(_session.Options.DefaultMountsFile)
                .Select(m => m.Target.Trim('/')));
            return await Services.Capture.DiffAsync(container.Id, targets, cancellationToken);
        }
        finally
        {
            await RemoveAsync(container.Id);
        }
    }

    private async Task<int> StartAsync(string id, CancellationToken cancellationToken)
    {
        _session.Options.Output.Flush();
        await using var stdout = _session.Options.OpenStdout();
        await using var stderr = _session.Options.OpenStderr();
        return await Services.Containers.StartAttachedAsync(id, stdout, stderr, cancellationToken);
    }

    private async Task RemoveAsync(string id)
    {
        // The build container goes even when the build was cancelled: its own short bound.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await Services.Containers.RemoveAsync(id, force: true, timeoutSeconds: 0, timeout.Token);
        }
        catch (NotFoundException)
        {
        }
    }
}
