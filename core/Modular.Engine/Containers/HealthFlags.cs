namespace Modular.Engine.Containers;

/// <summary>The healthcheck flags of <c>create</c> and <c>run</c>, unparsed.</summary>
public sealed record HealthFlags(
    string? Command = null,
    string? Interval = null,
    int? Retries = null,
    string? StartPeriod = null,
    string? Timeout = null,
    bool Disabled = false,
    string? OnFailure = null,
    string? LogDestination = null,
    int? MaxLogCount = null,
    int? MaxLogSize = null);
