using System.Text.Json.Nodes;
using Modular.Contracts.Errors;
using Modular.Engine.Build.Syntax;
using Modular.Engine.Commit;
using Modular.Engine.Containers;
using Modular.Engine.Images;

namespace Modular.Engine.Build;

internal sealed partial class StageRun
{
    private async Task FromAsync(CancellationToken cancellationToken)
    {
        var from = _stage.From;
        var expanded = _session.Args.ExpandFrom(from);
        var image = expanded.Image;
        if (expanded.Platform is { } wanted && !IsHostPlatform(wanted))
        {
            // Limitation: no emulation; a build for another platform would run nothing right.
            throw new CapabilityMissingException(
                $"FROM --platform={wanted}: only the host's platform can be built here");
        }

        if (string.Equals(image, "scratch", StringComparison.OrdinalIgnoreCase))
        {
            _config = [];
            _comment = "FROM scratch";
            _session.StageBases[_stage.Index] = null;
            ApplySessionConfig();
            BeginScope();
            return;
        }

        var stage = _session.File.Stages.Take(_stage.Index)
            .LastOrDefault(s => string.Equals(s.Name, image, StringComparison.OrdinalIgnoreCase));
        var id = stage is not null ? _session.StageImages[stage.Index] : await BaseImageAsync(image, cancellationToken);
        await MoveToAsync(id, cancellationToken);
        _session.StageBases[_stage.Index] = id;
        _comment = "FROM " + image;
        _config = await ParentConfigAsync(id, cancellationToken);
        QueueTriggers();
        ApplySessionConfig();
        BeginScope();
    }

    /// <summary>The stage's variables start from the config's Env (base image and --env).</summary>
    private void BeginScope() =>
        _scope = _session.Args.BeginStage(RuntimeConfig.Env(_config).Select(e => e.Key + "=" + e.Value));

    private async Task<string> BaseImageAsync(string image, CancellationToken cancellationToken)
    {
        var policy = _session.Options.Pull;
        if (policy != PullPolicyMode.Always)
        {
            try
            {
                return (await Services.Images.ResolveAsync(image, cancellationToken)).Id;
            }
            catch (NotFoundException) when (policy != PullPolicyMode.Never)
            {
            }
            catch (NotFoundException e)
            {
                throw new NotFoundException(
                    $"creating build container: {image}: image not known (--pull=never)", e);
            }
        }

        var options = new PullOptions(
            TlsVerify: _session.Options.TlsVerify,
            Quiet: _session.Options.Quiet,
            Progress: _session.Options.Warnings,
            AuthFile: _session.Options.AuthFile);
        return (await Services.Images.PullAsync(image, options, cancellationToken)).Id;
    }

    private async Task<JsonObject> ParentConfigAsync(string imageId, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Services.Composer.ImageDirectory(imageId), "config.json");
        var root = JsonNode.Parse(await File.ReadAllBytesAsync(path, cancellationToken));
        var config = root?["config"]?.DeepClone() as JsonObject ?? [];
        if (RuntimeConfig.List(config, "Shell") is { Count: > 0 } shell)
        {
            _shell = shell;
        }

        return config;
    }

    /// <summary>The base image's ONBUILD triggers run first and are not inherited (Docker's rule).</summary>
    private void QueueTriggers()
    {
        foreach (var trigger in RuntimeConfig.List(_config, "OnBuild") ?? [])
        {
            var instruction = ContainerfileParser.ParseInstruction(trigger, _session.File.Directives.Escape);
            if (instruction is FromInstruction or OnbuildInstruction or MaintainerInstruction)
            {
                throw new InvalidInputException($"{instruction.Keyword} isn't allowed as an ONBUILD trigger");
            }

            _triggers.Add(instruction);
        }

        _config.Remove("OnBuild");
    }

    /// <summary>
    /// --env, the builder's label and, for the image being built, --label apply from the
    /// first step on.
    /// </summary>
    private void ApplySessionConfig()
    {
        foreach (var env in _session.Options.Env)
        {
            var parts = env.Split('=', 2);
            RuntimeConfig.SetEnv(_config, parts[0], parts.Length > 1 ? parts[1] : Environment.GetEnvironmentVariable(parts[0]) ?? "");
        }

        // Buildah labels every stage's builder, so intermediate and final images carry it.
        RuntimeConfig.SetLabel(_config, BuilderIdentity.Label, BuilderIdentity.Version);
        if (!_isTarget)
        {
            return;
        }

        foreach (var label in _session.Options.Labels)
        {
            var parts = label.Split('=', 2);
            RuntimeConfig.SetLabel(_config, parts[0], parts.Length > 1 ? parts[1] : "");
        }
    }
}
