using Modular.Contracts.Errors;

namespace Modular.Engine.Build;

/// <summary>
/// A RUN step's command exited non-zero: the build stops and <c>build</c> exits with that
/// command's status, as Podman does (<c>RUN exit 5</c> exits 5). When the runtime itself
/// failed, <paramref name="detail"/> holds its words and the status is the runtime's (1).
/// </summary>
public sealed class BuildRunException(string step, int exitCode, string? detail = null)
    : ModularException(
        $"building at STEP \"{step}\": while running runtime: "
        + (detail is null ? "" : detail + ": ") + $"exit status {exitCode}")
{
    public int ExitCode { get; } = exitCode;
}
