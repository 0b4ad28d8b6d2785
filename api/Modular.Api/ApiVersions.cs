namespace Modular.Api;

/// <summary>The API levels the service speaks and advertises.</summary>
public static class ApiVersions
{
    /// <summary>Highest Docker Engine API level served (clients negotiate down from theirs).</summary>
    public const string DockerMaximum = "1.44";

    /// <summary>Lowest Docker Engine API level a client may ask for.</summary>
    public const string DockerMinimum = "1.24";

    /// <summary>The libpod tree's level: Podman's major API whose routes it follows.</summary>
    public const string Libpod = "5.0.0";
}
