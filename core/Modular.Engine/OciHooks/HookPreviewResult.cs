using Modular.Hooks;

namespace Modular.Engine.OciHooks;

/// <summary>The container a preview matched against, and its hooks in the order they run.</summary>
public sealed record HookPreviewResult(HookTarget Target, IReadOnlyList<HookMatch> Matches);
