using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Pods;

/// <summary>
/// Issue 10: <c>kube generate</c> of a pod, played with <c>kube play</c> in a clean store,
/// runs the same containers (command, environment, working directory); bad input is one
/// Error line and exit 125.
/// </summary>
public sealed class KubeGenerateTests(PodFixture fixture) : IClassFixture<PodFixture>
{
    private ModpodFixture Modpod => fixture.Modpod;

    [Fact]
    public async Task A_generated_pod_plays_in_a_clean_store_as_the_same_containers()
    {
        var image = await Modpod.EnsureBusyboxAsync();
        await Modpod.RunAsync("pod", "create", "--name", "kube-trip", "--network", "none");
        var member = await Modpod.RunAsync(
            "create", "--pod", "kube-trip", "--name", "trip", "-e", "TRIP=round", "-w", "/tmp",
            image, "sh", "-c", "echo $TRIP in $(pwd); sleep 100");
        ModpodAssert.Exit(0, member);
        var file = Path.Combine(Modpod.Directory, "work", "kube-trip.yaml");
        var clean = await ModpodFixture.CreateAsync(StoreOptions.Default);
        try
        {
            var generated = await Modpod.RunAsync("kube", "generate", "-f", file, "kube-trip");
            await clean.EnsureBusyboxAsync();
            var played = await clean.RunAsync("kube", "play", "--network", "none", file);
            var logs = await EventuallyLoggedAsync(clean, "kube-trip-trip");

            ModpodAssert.Exit(0, generated);
            Assert.Equal("", generated.StandardOutput);
            ModpodAssert.Exit(0, played);
            Assert.Equal("round in /tmp", logs);
            Assert.Equal(
                ["kube-trip-trip kube-trip"],
                (await clean.RunAsync("ps", "--pod", "--filter", "pod=kube-trip", "--format", "{{.Names}} {{.PodName}}"))
                    .Lines.Where(l => !l.Contains("-infra")).ToArray());
        }
        finally
        {
            await clean.RunAsync("pod", "rm", "-f", "-t", "0", "kube-trip");
            await clean.DisposeAsync();
            await Modpod.RunAsync("pod", "rm", "-f", "-t", "0", "kube-trip");
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Generate_to_an_existing_file_is_refused_and_leaves_it_alone()
    {
        var image = await Modpod.EnsureBusyboxAsync();
        await Modpod.RunAsync("create", "--name", "kube-exists", "--network", "none", image);
        var file = Path.Combine(Modpod.Directory, "work", "kube-exists.yaml");
        await File.WriteAllTextAsync(file, "keep");

        var result = await Modpod.RunAsync("kube", "generate", "-f", file, "kube-exists");

        ModpodAssert.Exit(125, result);
        Assert.Equal($"Error: cannot write to \"{file}\"; file exists", result.StandardError.Trim());
        Assert.Equal("keep", await File.ReadAllTextAsync(file));
        File.Delete(file);
        await Modpod.RunAsync("rm", "kube-exists");
    }

    [Fact]
    public async Task Generate_of_a_pod_member_names_the_pod_to_generate_instead()
    {
        var image = await Modpod.EnsureBusyboxAsync();
        var pod = (await Modpod.RunAsync("pod", "create", "--name", "kube-member-pod", "--network", "none")).Output;
        var id = (await Modpod.RunAsync("create", "--pod", "kube-member-pod", "--name", "kube-member", image)).Output;

        var result = await Modpod.RunAsync("generate", "kube", "kube-member");

        ModpodAssert.Exit(125, result);
        Assert.Equal(
            $"Error: container {id} is associated with pod {pod}: use generate on the pod itself",
            result.StandardError.Trim());
        await Modpod.RunAsync("pod", "rm", "-f", "kube-member-pod");
    }

    // The member prints its line right after start; bounded, it never waits long.
    private static async Task<string> EventuallyLoggedAsync(ModpodFixture store, string name)
    {
        var output = "";
        for (var i = 0; i < 100 && output.Length == 0; i++)
        {
            output = (await store.RunAsync("logs", name)).Output;
            await Task.Delay(output.Length == 0 ? 100 : 0);
        }

        return output;
    }
}
