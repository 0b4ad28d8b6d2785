using System.Globalization;
using System.Text.Json.Nodes;
using Modular.Contracts.Errors;
using Modular.Engine.Build.Syntax;
using Modular.Engine.Commit;
using Modular.Engine.Registry;

namespace Modular.Engine.Build;

/// <summary>
/// Runs one stage: FROM, the base image's ONBUILD triggers, then each instruction as a
/// step that is either found in the layer cache or executed and committed as an image.
/// The step's image is the next step's parent, so RUN sees every earlier change.
/// </summary>
internal sealed partial class StageRun
{
    private readonly BuildSession _session;
    private readonly BuildStage _stage;
    private readonly bool _isTarget;
    private readonly string _prefix;
    private readonly List<Instruction> _triggers = [];
    private JsonObject _config = [];
    private StageScope _scope;
    private List<string> _shell = ["/bin/sh", "-c"];
    private string? _imageId;
    private string? _topLayerId;
    private string _comment = "";
    private bool _cmdSet;
    private string? _author;

    public StageRun(BuildSession session, BuildStage stage, bool isTarget)
    {
        _session = session;
        _stage = stage;
        _isTarget = isTarget;
        _scope = session.Args.BeginStage([]);
        var count = session.File.Stages.Count;
        _prefix = count > 1 ? $"[{stage.Index + 1}/{count}] " : "";
    }

    private BuildServices Services => _session.Services;

    private bool Docker => _session.Options.Docker;

    /// <summary>Builds the stage; returns the id of its last image.</summary>
    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        _session.Say($"{_prefix}STEP 1/{_stage.StepCount}: {_stage.From.StepText}");
        await FromAsync(cancellationToken);
        var steps = _triggers.Concat(_stage.Instructions).ToList();
        if (steps.Count == 0 && ReusesBase)
        {
            // Buildah commits nothing for a bare FROM: the result is the base image itself.
            await UseAsync(_imageId!, true, cancellationToken);
            return _imageId!;
        }

        if (steps.Count == 0)
        {
            await StepAsync(null, "", true, cancellationToken);
        }

        for (var i = 0; i < steps.Count; i++)
        {
            var number = i - _triggers.Count + 2;
            if (number >= 2)
            {
                _session.Say($"{_prefix}STEP {number}/{_stage.StepCount}: {steps[i].StepText}");
            }

            await StepAsync(steps[i], steps[i].StepText, i == steps.Count - 1, cancellationToken);
        }

        return _imageId!;
    }

    /// <summary>
    /// A FROM with nothing after it and no option that changes the image (labels,
    /// annotations, env, squash, timestamp, history, format): nothing to commit.
    /// </summary>
    private bool ReusesBase =>
        _imageId is not null && _isTarget
        && _session.Options is { Labels.Count: 0, Annotations.Count: 0, Env.Count: 0 }
        && _session.Options is { Squash: false, SquashAll: false, OmitHistory: false, Docker: false }
        && _session.Options.Timestamp is null;

    private async Task StepAsync(
        Instruction? instruction,
        string text,
        bool last,
        CancellationToken cancellationToken)
    {
        try
        {
            await ExecuteStepAsync(instruction, last, cancellationToken);
        }
        catch (ModularException e) when (e is not BuildRunException && instruction is not null)
        {
            // Podman names the step that failed in front of the cause.
            throw new InvalidInputException($"building at STEP \"{text}\": {e.Message}", e);
        }
    }

    private async Task ExecuteStepAsync(
        Instruction? instruction,
        bool last,
        CancellationToken cancellationToken)
    {
        var plan = instruction is null
            ? new StepPlan($"/bin/sh -c #(nop) FROM {_stage.From.Image}", "", null)
            : await PlanAsync(instruction, cancellationToken);
        try
        {
            var key = LayerCache.Key(
                _imageId ?? "scratch",
                plan.CreatedBy,
                plan.ContentKey,
                FormatKey(last),
                _session.Options.Timestamp?.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
                Json(_config));
            var hit = _session.UseCache
                ? await Services.Cache.FindAsync(key, cancellationToken)
                : null;
            if (hit is not null)
            {
                _session.Say($"{_prefix}--> Using cache {hit}");
                await UseAsync(hit, last, cancellationToken);
                return;
            }

            var layer = plan.Produce is null ? null : await plan.Produce(cancellationToken);
            if (layer is not null && _session.Options.Timestamp is { } time)
            {
                layer = await LayerTimestamps.ClampAsync(layer, time, cancellationToken);
            }

            try
            {
                await CommitStepAsync(plan.CreatedBy, layer, last, cancellationToken);
            }
            finally
            {
                if (layer is not null)
                {
                    File.Delete(layer.Path);
                }
            }

            if (_session.Options.Layers)
            {
                await Services.Cache.StoreAsync(key, _imageId!, cancellationToken);
            }
        }
        finally
        {
            if (plan.Resources is not null)
            {
                await plan.Resources.DisposeAsync();
            }
        }
    }

    private async Task UseAsync(string imageId, bool last, CancellationToken cancellationToken)
    {
        if (last && _isTarget)
        {
            _session.Say($"{_prefix}COMMIT {string.Join(", ", _session.Options.Tags)}".TrimEnd());
            foreach (var name in _session.Names)
            {
                await Services.Images.TagAsync(imageId, name, cancellationToken);
            }
        }

        await MoveToAsync(imageId, cancellationToken);
        _session.Say($"{_prefix}--> {imageId[..12]}");
    }

    private async Task CommitStepAsync(
        string createdBy,
        CapturedLayer? layer,
        bool last,
        CancellationToken cancellationToken)
    {
        var final = last && _isTarget;
        if (final)
        {
            _session.Say($"{_prefix}COMMIT {string.Join(", ", _session.Options.Tags)}".TrimEnd());
        }

        var draft = new ImageDraft(
            _imageId,
            RuntimeConfig.ForFormat(_config, Docker),
            layer,
            new HistoryEntry(createdBy, _comment, EmptyLayer: layer is null),
            final ? _session.Names : [],
            Docker,
            _session.Options.Timestamp ?? DateTimeOffset.UtcNow,
            OmitHistory: _session.Options.OmitHistory,
            Author: _author,
            Annotations: final ? _session.Annotations : null);
        var commit = await Services.Composer.ComposeAsync(draft, cancellationToken);
        var record = (await Services.Writer.CommitAllAsync([commit], cancellationToken))[0];
        _session.Committed.Add(record.Id);
        await MoveToAsync(record.Id, cancellationToken);
        if (_session.Options.Layers || final)
        {
            _session.Say($"{_prefix}--> {record.Id[..12]}");
        }
    }

    private async Task MoveToAsync(string imageId, CancellationToken cancellationToken)
    {
        _imageId = imageId;
        _topLayerId = (await Services.Images.ResolveAsync(imageId, cancellationToken)).TopLayerId;
        _comment = "FROM " + imageId[..12];
    }

    private static string Json(JsonNode node) => node.ToJsonString();

    /// <summary>The format, and for the built image its annotations (its manifest's).</summary>
    private string FormatKey(bool last)
    {
        var format = Docker ? "docker" : "oci";
        if (!last || !_isTarget || Docker || _session.Annotations.Count == 0)
        {
            return format;
        }

        var pairs = _session.Annotations.Select(a => a.Key + "=" + a.Value);
        return format + "\n" + string.Join('\n', pairs);
    }

    private string Expand(string word) => _scope.Expand(word);

    private static InvalidInputException Invalid(string message) => new(message);

    private static bool IsHostPlatform(string platform)
    {
        var host = Platform.Host();
        var wanted = Platform.Parse(platform);
        return wanted.Os == host.Os && wanted.Architecture == host.Architecture;
    }
}
