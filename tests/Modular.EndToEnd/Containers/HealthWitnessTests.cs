using System.Text.Json.Nodes;
using CliWrap;
using CliWrap.Buffered;
using Modular.EndToEnd.Fixtures;
using Modular.TestImages;
using Xunit;

namespace Modular.EndToEnd.Containers;

/// <summary>
/// The inspect keys of a checked container against the Podman 4.3.1 witness (run through
/// scripts/lib/witness.sh, in its own temp store, image loaded from a file, never pulled).
/// </summary>
[Collection(Collections.Containers)]
public sealed class HealthWitnessTests(ModpodFixture modpod)
{
    private const string Check = "echo hi";

    [Fact]
    public async Task State_health_config_healthcheck_and_restart_policy_have_the_witness_keys()
    {
        if (!File.Exists("/usr/bin/podman"))
        {
            return;
        }

        var image = await modpod.EnsureBusyboxAsync();
        string[] create =
        [
            "run", "-d", "--name", "hw", "--restart", "on-failure:3", "--health-cmd", Check,
            "--health-interval", "disable", "--health-start-period", "5s",
        ];
        try
        {
            await modpod.RunAsync([.. create, image, "sleep", "60"], null);
            await modpod.RunAsync("healthcheck", "run", "hw");
            var ours = JsonNode.Parse((await modpod.RunAsync("inspect", "hw")).Output)![0]!;
            var theirs = await WitnessInspectAsync(create);

            foreach (var path in new[] { "State.Health", "Config.Healthcheck", "HostConfig.RestartPolicy" })
            {
                Assert.Equal(Keys(At(theirs, path)), Keys(At(ours, path)));
            }

            Assert.Equal(At(theirs, "Config.Healthcheck")!.ToJsonString(), At(ours, "Config.Healthcheck")!.ToJsonString());
            Assert.Equal(At(theirs, "HostConfig.RestartPolicy")!.ToJsonString(), At(ours, "HostConfig.RestartPolicy")!.ToJsonString());
        }
        finally
        {
            await modpod.RunAsync("rm", "-f", "-t", "0", "hw");
        }
    }

    private static async Task<JsonNode> WitnessInspectAsync(string[] create)
    {
        var work = Directory.CreateTempSubdirectory("modular-hw-").FullName;
        try
        {
            var archive = Path.Combine(work, "busybox.tar");
            await DockerArchiveWriter.WriteAsync(await TestImageCatalog.BusyboxAsync(ModpodFixture.Busybox), archive);
            var script = string.Join(
                '\n',
                "set -e",
                $". {Path.Combine(RepositoryPaths.Root, "scripts/lib/witness.sh")}",
                "witness_init \"$1/podman\"",
                "trap witness_cleanup EXIT",
                "witness load -q -i \"$1/busybox.tar\" >/dev/null",
                $"witness {string.Join(' ', create.Select(Quote))} --pull never {ModpodFixture.Busybox} sleep 60 >/dev/null",
                "witness healthcheck run hw >/dev/null",
                "witness inspect hw");
            var result = await Cli.Wrap("bash").WithArguments(["-c", script, "witness", work])
                .WithValidation(CommandResultValidation.None)
                .ExecuteBufferedAsync();
            Assert.True(result.ExitCode == 0, result.StandardError);
            return JsonNode.Parse(result.StandardOutput)![0]!;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static string Quote(string arg) => "'" + arg.Replace("'", "'\\''") + "'";

    private static JsonNode? At(JsonNode node, string path) =>
        path.Split('.').Aggregate((JsonNode?)node, (current, key) => current?[key]);

    // Every key path below the node; array elements share one "[]" step.
    private static IReadOnlyList<string> Keys(JsonNode? node)
    {
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        void Walk(JsonNode? n, string prefix)
        {
            switch (n)
            {
                case JsonObject o:
                    foreach (var (key, value) in o)
                    {
                        keys.Add(prefix + key);
                        Walk(value, prefix + key + ".");
                    }

                    break;
                case JsonArray a:
                    foreach (var item in a)
                    {
                        Walk(item, prefix + "[].");
                    }

                    break;
            }
        }

        Walk(node, "");
        return keys.ToList();
    }
}
