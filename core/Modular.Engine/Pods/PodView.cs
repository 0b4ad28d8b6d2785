namespace Modular.Engine.Pods;

/// <summary>A pod as listed: its config, its containers in creation order, and its status.</summary>
public sealed record PodView(PodConfig Config, IReadOnlyList<PodMember> Containers, string Status);

/// <summary>One container of a pod, with its status refreshed.</summary>
public sealed record PodMember(
    string Id,
    string Name,
    string Status,
    int RestartCount,
    bool IsInfra,
    IReadOnlyList<string> Networks);
