using CliWrap;
using CliWrap.Buffered;
using Modular.EndToEnd.Fixtures;
using Modular.TestImages;
using Xunit;

namespace Modular.EndToEnd.Networks;

public abstract partial class NetworkTests<TFixture>
{
    // The witness Podman (scripts/lib/witness.sh: its own store and config) runs busybox httpd
    // on its default network, given here its own bridge and a /28 of this fixture's subnet so
    // it shares nothing with another run. Podman 4.3.1's teardown there leaves its netavark
    // rules behind (its netavark state lives on a per-command tmpfs /run), so the script
    // also deletes every rule naming the witness's /28 once the witness is cleaned up.
    private const string WitnessScript = """
        set -eu
        . "$ROOT/scripts/lib/witness.sh"
        drop_rules() {
            iptables-save | awk -v s="$RULES" '/^\*/{t=substr($0,2)} /^-A / && index($0, s) {print t " " $0}' |
                while read -r table rule; do eval "iptables -t $table -D ${rule#-A }"; done
        }
        witness_init "$WDIR"
        trap 'witness_cleanup; drop_rules' EXIT
        sed -i "/^\[network\]/a network_backend = \"netavark\"" "$WDIR/containers.conf"
        cat > "$WDIR/net/podman.json" <<JSON
        {"name": "podman", "id": "2f259bab93aaaaa2542ba43ef33eb990d0999ee1b9924b557b7be53c0b7a1bb9",
         "driver": "bridge", "network_interface": "$BRIDGE", "created": "2026-01-01T00:00:00Z",
         "subnets": [{"subnet": "$SUBNET", "gateway": "$GATEWAY"}], "ipv6_enabled": false,
         "internal": false, "dns_enabled": false, "ipam_options": {"driver": "host-local"}}
        JSON
        witness load -q -i "$ARCHIVE" >/dev/null
        witness run -d --network bridge -p "127.0.0.1:$PORT:80" localhost/busybox:latest \
            sh -c 'mkdir -p /www && echo from-podman > /www/index.html && exec httpd -f -p 80 -h /www' >/dev/null
        touch "$WDIR/ready"
        while [ ! -e "$WDIR/done" ]; do sleep 0.2; done
        """;

    [Fact]
    public async Task A_podman_container_and_a_modpod_container_on_their_default_networks_both_answer()
    {
        var witnessDir = Path.Combine(Modpod.Directory, "work", "witness");
        var archive = Path.Combine(Modpod.Directory, "work", "witness-busybox.tar");
        await DockerArchiveWriter.WriteAsync(await TestImageCatalog.BusyboxAsync(Image), archive);
        var (podmanPort, modpodPort) = (Loopback.FreePort(), Loopback.FreePort());
        var name = Unique("beside");
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var witness = StartWitness(witnessDir, archive, podmanPort, stop.Token);
        try
        {
            await WaitForAsync(Path.Combine(witnessDir, "ready"), witness);
            ModpodAssert.Exit(0, await Modpod.RunAsync(
                "run", "-d", "--name", name, "-p", $"127.0.0.1:{modpodPort}:80", Image, "sh", "-c", Httpd("from-modpod")));

            var fromPodman = await Loopback.GetAsync(podmanPort, "index.html");
            var fromModpod = await Loopback.GetAsync(modpodPort, "index.html");

            Assert.Equal("from-podman\n", fromPodman);
            Assert.Equal("from-modpod\n", fromModpod);
        }
        finally
        {
            await RemoveAsync(name);
            await File.WriteAllTextAsync(Path.Combine(witnessDir, "done"), "");
            await witness;
        }
    }

    private Task<BufferedCommandResult> StartWitness(string dir, string archive, int port, CancellationToken cancellationToken)
    {
        var octetPrefix = network.OwnSubnetPrefixes.Last();
        return Cli.Wrap("bash")
            .WithArguments(["-c", WitnessScript])
            .WithEnvironmentVariables(new Dictionary<string, string?>
            {
                ["ROOT"] = RepositoryPaths.Root,
                ["WDIR"] = dir,
                ["ARCHIVE"] = archive,
                ["PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["BRIDGE"] = network.BridgePrefix + "w",
                ["SUBNET"] = octetPrefix + "240/28",
                ["GATEWAY"] = octetPrefix + "241",
                ["RULES"] = octetPrefix + "24",
            })
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(cancellationToken);
    }

    // The script signals readiness with a file; a script that ended first has failed.
    private static async Task WaitForAsync(string path, Task<BufferedCommandResult> witness)
    {
        while (!File.Exists(path))
        {
            if (witness.IsCompleted)
            {
                var result = await witness;
                Assert.Fail($"the witness Podman failed (exit {result.ExitCode}): {result.StandardError}");
            }

            await Task.Delay(100);
        }
    }
}
