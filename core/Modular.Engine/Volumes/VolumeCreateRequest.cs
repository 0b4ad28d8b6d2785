namespace Modular.Engine.Volumes;

/// <summary>What <c>volume create</c> (or a container's implicit volume) asks for.</summary>
/// <param name="Name">Null or empty for a generated 64-hex name.</param>
/// <param name="Driver">Null or "local": the only driver there is.</param>
/// <param name="Labels">KEY=VALUE values of <c>--label</c>.</param>
/// <param name="Options">KEY=VALUE values of <c>-o</c>: type, device, o, uid, gid, copy/nocopy.</param>
/// <param name="IgnoreExisting"><c>--ignore</c>: an existing volume of that name is no error.</param>
/// <param name="Anonymous">Made for a container's anonymous mount.</param>
public sealed record VolumeCreateRequest(
    string? Name = null,
    string? Driver = null,
    IReadOnlyList<string>? Labels = null,
    IReadOnlyList<string>? Options = null,
    bool IgnoreExisting = false,
    bool Anonymous = false);
