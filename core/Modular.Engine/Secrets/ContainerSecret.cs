namespace Modular.Engine.Secrets;

/// <summary>
/// A secret a container uses (<c>--secret</c>): by name and ID only, never its data, so
/// the container's stored config and its inspect output carry no secret.
/// </summary>
/// <param name="Type"><c>mount</c> (a read-only file at <paramref name="Target"/>) or <c>env</c>.</param>
/// <param name="Target">The file path (mount) or the variable name (env).</param>
/// <param name="Mode">The file's permission bits; Podman's default is 0444.</param>
public sealed record ContainerSecret(
    string Name,
    string Id,
    string Type,
    string Target,
    uint Uid = 0,
    uint Gid = 0,
    uint Mode = ContainerSecret.DefaultMode)
{
    public const uint DefaultMode = 0x124; // 0444
}
