using System.Text.Json.Nodes;
using Modular.Engine.Build.Syntax;
using Modular.Engine.Commit;

namespace Modular.Engine.Build;

internal sealed partial class StageRun
{
    private const string Nop = "/bin/sh -c #(nop) ";

    private Task<StepPlan> PlanAsync(Instruction instruction, CancellationToken cancellationToken) =>
        instruction switch
        {
            RunInstruction run => Task.FromResult(PlanRun(run)),
            FileInstruction file => PlanFileAsync(file, cancellationToken),
            WorkdirInstruction workdir => Task.FromResult(PlanWorkdir(workdir)),
            _ => Task.FromResult(new StepPlan(Nop + ApplyConfig(instruction), "", null)),
        };

    /// <summary>Applies a config-only instruction; returns its history text.</summary>
    private string ApplyConfig(Instruction instruction)
    {
        switch (instruction)
        {
            case EnvInstruction env: Env(env); break;
            case LabelInstruction label: Labels(label); break;
            case ArgInstruction arg: Args(arg); break;
            case ExposeInstruction expose: Expose(expose); break;
            case VolumeInstruction volume: Volumes(volume); break;
            case UserInstruction user: RuntimeConfig.SetString(_config, "User", Expand(user.User)); break;
            case StopSignalInstruction stop: RuntimeConfig.SetString(_config, "StopSignal", Expand(stop.Signal)); break;
            case CmdInstruction cmd: Cmd(cmd); break;
            case EntrypointInstruction entrypoint: Entrypoint(entrypoint); break;
            case ShellInstruction shell: Shell(shell); break;
            case HealthcheckInstruction health: Healthcheck(health); break;
            case OnbuildInstruction onbuild: OnBuild(onbuild); break;
            case MaintainerInstruction maintainer: _author = maintainer.Maintainer; break;
            default: throw Invalid($"{instruction.Keyword} is not supported");
        }

        return instruction.Original;
    }

    private void Env(EnvInstruction env)
    {
        // The scope expands every pair with the values from before this ENV and records it.
        var expanded = (EnvInstruction)_scope.Apply(env);
        foreach (var pair in expanded.Variables)
        {
            RuntimeConfig.SetEnv(_config, pair.Key, pair.Value);
        }
    }

    private void Labels(LabelInstruction label)
    {
        foreach (var pair in label.Labels)
        {
            RuntimeConfig.SetLabel(_config, Expand(pair.Key), Expand(pair.Value));
        }
    }

    /// <summary>The scope resolves the ARG (--build-arg, default, global) and marks it used.</summary>
    private void Args(ArgInstruction arg) => _scope.Apply(arg);

    /// <summary>
    /// CMD and ENTRYPOINT in shell form always get /bin/sh -c in buildah (imagebuilder), even
    /// after SHELL, which only RUN honours; the witness shows the same.
    /// </summary>
    private static readonly string[] ConfigShell = ["/bin/sh", "-c"];

    private void Expose(ExposeInstruction expose)
    {
        foreach (var word in expose.Ports.Select(Expand).Where(w => w.Length > 0))
        {
            // A range stays one key ("8000-8002/tcp"), as buildah writes it.
            var key = word.Contains('/') ? word.ToLowerInvariant() : word + "/tcp";
            RuntimeConfig.AddKey(_config, "ExposedPorts", key);
        }
    }

    private void Volumes(VolumeInstruction volume)
    {
        // A relative path is taken from the root, as Docker and Podman mount it: the odd
        // VOLUME ['/a', '/b'] (not JSON) makes "/[/a," and "/b]" (070-build, rhbz#2014149).
        foreach (var path in volume.Paths.Select(Expand).Where(p => p.Length > 0))
        {
            RuntimeConfig.AddKey(_config, "Volumes", path.StartsWith('/') ? path : "/" + path);
        }
    }

    private void Cmd(CmdInstruction cmd)
    {
        RuntimeConfig.SetList(_config, "Cmd", cmd.Command.ToArgv(ConfigShell));
        _cmdSet = true;
    }

    private void Entrypoint(EntrypointInstruction entrypoint)
    {
        RuntimeConfig.SetList(_config, "Entrypoint", entrypoint.Command.ToArgv(ConfigShell));

        // As Docker: an ENTRYPOINT resets a CMD inherited from the base image.
        if (!_cmdSet)
        {
            _config.Remove("Cmd");
        }
    }

    private void Shell(ShellInstruction shell)
    {
        _shell = [.. shell.Shell];
        RuntimeConfig.SetList(_config, "Shell", _shell);
        WarnOci($"SHELL is not supported for OCI image format, [{string.Join(' ', _shell)}] will be ignored. Must use `docker` format");
    }

    private void Healthcheck(HealthcheckInstruction health)
    {
        var check = new JsonObject { ["Test"] = new JsonArray([.. health.Test.Select(t => (JsonNode)JsonValue.Create(t))]) };
        Duration(check, "Interval", health.Interval);
        Duration(check, "Timeout", health.Timeout);
        Duration(check, "StartPeriod", health.StartPeriod);
        Duration(check, "StartInterval", health.StartInterval);
        if (health.Retries is { } retries)
        {
            check["Retries"] = retries;
        }

        _config["Healthcheck"] = check;
        WarnOci("HEALTHCHECK is not supported for OCI image format and will be ignored. Must use `docker` format");
    }

    private static void Duration(JsonObject check, string key, TimeSpan? value)
    {
        if (value is { } span)
        {
            check[key] = span.Ticks * 100;
        }
    }

    private void OnBuild(OnbuildInstruction onbuild)
    {
        var list = RuntimeConfig.List(_config, "OnBuild") ?? [];
        list.Add(onbuild.Trigger);
        RuntimeConfig.SetList(_config, "OnBuild", list);
        WarnOci($"ONBUILD is not supported for OCI image format, {onbuild.Trigger} will be ignored. Must use `docker` format");
    }

    private void WarnOci(string message)
    {
        if (!Docker)
        {
            _session.Warn(message);
        }
    }
}
