namespace Modular.Api.Http;

/// <summary>
/// A failure whose status and cause are Podman's and no engine exception's: a query it
/// cannot decode answers 500 with the decoder's own words as the cause.
/// </summary>
public sealed class ApiStatusException(int status, string message, string cause) : Exception(message)
{
    public int Status { get; } = status;

    public string Cause { get; } = cause;
}
