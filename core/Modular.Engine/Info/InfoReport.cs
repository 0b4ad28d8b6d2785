using System.Text.Json.Nodes;

namespace Modular.Engine.Info;

/// <summary>
/// One report in Podman's two spellings. Podman marshals Go structs: <c>--format json</c>
/// uses the json tags (<c>host.ociRuntime.name</c>), while templates see Go field names
/// (<c>.Host.OCIRuntime.Name</c>). The CLI prints <see cref="Json"/> for json and evaluates
/// templates against <see cref="Template"/>.
/// </summary>
public sealed record InfoReport(JsonObject Json, JsonObject Template);
