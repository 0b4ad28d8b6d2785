using System.Text.Json.Serialization;

namespace Modular.Engine.Health;

/// <summary>
/// A container's healthcheck, as the image's <c>Healthcheck</c> and Podman's
/// <c>Config.Healthcheck</c> spell it: <c>Test</c> is <c>["CMD", argv...]</c>,
/// <c>["CMD-SHELL", command]</c> or <c>["NONE"]</c>. A zero interval means the check
/// runs only when asked (<c>healthcheck run</c>), never on a timer.
/// </summary>
public sealed record HealthConfig
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);
    public const int DefaultRetries = 3;

    public IReadOnlyList<string> Test { get; init; } = [];
    public TimeSpan Interval { get; init; } = DefaultInterval;
    public TimeSpan Timeout { get; init; } = DefaultTimeout;
    public TimeSpan StartPeriod { get; init; }
    public int Retries { get; init; } = DefaultRetries;

    /// <summary>False for <c>["NONE"]</c> or an empty test: no healthcheck at all.</summary>
    [JsonIgnore]
    public bool IsEnabled => Test.Count > 0 && !string.Equals(Test[0], "NONE", StringComparison.OrdinalIgnoreCase);

    /// <summary>The argv to exec in the container.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> Argv => Test.Count == 0 ? [] : Test[0] switch
    {
        "CMD-SHELL" => ["/bin/sh", "-c", string.Join(' ', Test.Skip(1))],
        "CMD" => Test.Skip(1).ToList(),
        _ => Test,
    };
}
