using System.Text.Json.Nodes;
using Modular.Contracts.Errors;
using Modular.Engine.OciHooks;
using Modular.Engine.State;
using Modular.Hooks;

namespace Modular.Engine.Containers;

public sealed partial class ContainerService
{
    /// <summary>
    /// The last step before config.json is written, as in Podman's setupOCIHooks: the user's
    /// annotations join the spec, the hooks.d files are read (an invalid one stops the
    /// container), matched hooks go into the spec in file-name order, and precreate hooks
    /// may then rewrite the whole spec.
    /// </summary>
    private async Task<JsonObject> ApplyOciHooksAsync(
        JsonObject spec,
        ContainerConfig config,
        string bundle,
        CancellationToken cancellationToken)
    {
        try
        {
            return await InjectOciHooksAsync(spec, config, bundle, cancellationToken);
        }
        catch (InvalidInputException e)
        {
            throw HookStartFailure.For(e.Message, e);
        }
    }

    private async Task<JsonObject> InjectOciHooksAsync(
        JsonObject spec,
        ContainerConfig config,
        string bundle,
        CancellationToken cancellationToken)
    {
        AddUserAnnotations(spec, config.Annotations);
        var catalog = HookCatalog.Load(_options.HooksDirectories);
        catalog.ThrowIfInvalid();
        var matches = catalog.Match(OciHookTargets.For(spec, config));
        SpecHooks.Apply(spec, matches);
        var precreate = matches.Where(match => match.Stage == HookStages.Precreate)
            .Select(match => match.Definition.Hook)
            .ToList();
        return precreate.Count == 0
            ? spec
            : await PrecreateFilter.RunAsync(spec, precreate, bundle, cancellationToken);
    }

    private static void AddUserAnnotations(
        JsonObject spec,
        IReadOnlyDictionary<string, string> annotations)
    {
        if (annotations.Count == 0)
        {
            return;
        }

        if (spec["annotations"] is not JsonObject target)
        {
            target = [];
            spec["annotations"] = target;
        }

        foreach (var (key, value) in annotations)
        {
            target[key] = value;
        }
    }
}
