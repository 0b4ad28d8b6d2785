using System.Text.Json.Nodes;

namespace Modular.Api.Compat;

/// <summary>One Docker exec instance: its create body until started, then its outcome.</summary>
public sealed class ExecSession(string id, string containerId, JsonObject config)
{
    public string Id { get; } = id;
    public string ContainerId { get; } = containerId;
    public JsonObject Config { get; } = config;
    public bool Running { get; set; }
    public int? ExitCode { get; set; }

    public bool Tty => Flag("Tty");

    public bool Flag(string key) => Config[key] is JsonValue v && v.TryGetValue<bool>(out var b) && b;

    /// <summary>Docker's exec inspect object.</summary>
    public JsonObject ToJson()
    {
        var argv = DockerCreateBody.Strings(Config["Cmd"]);
        return new JsonObject
        {
            ["ID"] = Id,
            ["Running"] = Running,
            ["ExitCode"] = ExitCode ?? 0,
            ["ProcessConfig"] = new JsonObject
            {
                ["tty"] = Tty,
                ["entrypoint"] = argv.FirstOrDefault() ?? "",
                ["arguments"] = new JsonArray(argv.Skip(1).Select(a => (JsonNode)a!).ToArray()),
                ["privileged"] = Flag("Privileged"),
                ["user"] = Config["User"]?.GetValue<string>() ?? "",
            },
            ["OpenStdin"] = Flag("AttachStdin"),
            ["OpenStderr"] = Flag("AttachStderr"),
            ["OpenStdout"] = Flag("AttachStdout"),
            ["CanRemove"] = false,
            ["ContainerID"] = ContainerId,
            ["DetachKeys"] = Config["DetachKeys"]?.GetValue<string>() ?? "",
            ["Pid"] = 0,
        };
    }
}
