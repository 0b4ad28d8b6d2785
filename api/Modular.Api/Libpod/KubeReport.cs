using System.Text.Json.Nodes;

namespace Modular.Api.Libpod;

/// <summary>
/// Podman's PlayKubeReport, read back from what <c>kube play</c> / <c>kube down</c> print
/// ("Pods stopped:", "Pods removed:", "Volumes removed:" lists, then "Pod:" blocks), so the
/// API and the CLI report one play, not two.
/// </summary>
public static class KubeReport
{
    public static JsonObject FromOutput(string output)
    {
        var pods = new JsonArray();
        var stopped = new JsonArray();
        var removed = new JsonArray();
        var volumes = new JsonArray();
        var section = "";
        JsonObject? pod = null;
        foreach (var line in output.Split('\n').Select(l => l.Trim()))
        {
            switch (line)
            {
                case "Pods stopped:" or "Pods removed:" or "Secrets removed:" or "Volumes removed:"
                    or "Pod:" or "Container:" or "Containers:":
                    section = line;
                    continue;
                case "":
                    section = "";
                    continue;
            }

            switch (section)
            {
                case "Pods stopped:":
                    stopped.Add(new JsonObject { ["Errs"] = new JsonArray(), ["Id"] = line, ["RawInput"] = line });
                    break;
                case "Pods removed:":
                    removed.Add(new JsonObject { ["RemovedCtrs"] = new JsonObject(), ["Err"] = null, ["Id"] = line });
                    break;
                case "Volumes removed:":
                    volumes.Add(new JsonObject { ["Err"] = null, ["Id"] = line });
                    break;
                case "Pod:":
                    pod = Pod(line);
                    pods.Add(pod);
                    break;
                case "Container:" or "Containers:" when pod is not null:
                    pod["Containers"]!.AsArray().Add(line);
                    break;
            }
        }

        return new JsonObject
        {
            ["Pods"] = pods.Count > 0 ? pods : null,
            ["Volumes"] = null,
            ["StopReport"] = stopped.Count > 0 ? stopped : null,
            ["RmReport"] = removed.Count > 0 ? removed : null,
            ["VolumeRmReport"] = volumes.Count > 0 ? volumes : null,
            ["SecretRmReport"] = null,
            ["Secrets"] = null,
            ["ServiceContainerID"] = "",
            ["ExitCode"] = null,
        };
    }

    private static JsonObject Pod(string id) => new()
    {
        ["ID"] = id,
        ["Containers"] = new JsonArray(),
        ["InitContainers"] = null,
        ["Logs"] = null,
        ["ContainerErrors"] = null,
    };
}
