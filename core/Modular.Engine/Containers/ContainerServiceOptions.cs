namespace Modular.Engine.Containers;

/// <summary>
/// Settings of the container service that are not containers.conf keys.
/// </summary>
/// <param name="ExitCommand">
/// The program conmon runs after the container exits, with the global arguments and
/// <c>container cleanup ID</c>; null for this modpod (Environment.ProcessPath). Tests
/// set a stand-in, because their process is the test host, not modpod.
/// </param>
public sealed record ContainerServiceOptions(string? ExitCommand = null);
