namespace Modular.Api.Http;

/// <summary>
/// A failure the route already knows the answer to: its status, Podman's message and
/// the innermost error Podman's clients read as <c>cause</c>.
/// </summary>
public sealed class ApiException(int status, string message, string? cause = null)
    : Exception(message)
{
    public int Status { get; } = status;

    public string? Cause { get; } = cause;
}
