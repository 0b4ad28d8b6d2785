namespace Modular.Api.Compat;

/// <summary>The engine's (Podman's) state names as Docker clients know them.</summary>
public static class DockerState
{
    public static string Of(string state) => state switch
    {
        "configured" or "initialized" or "created" => "created",
        "stopped" or "exited" => "exited",
        "stopping" => "running",
        "removing" => "removing",
        var other => other,
    };
}
