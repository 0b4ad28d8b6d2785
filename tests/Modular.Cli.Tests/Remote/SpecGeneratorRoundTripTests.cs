using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Modular.Api.Libpod;
using Modular.Cli.Commands;
using Modular.Contracts.Network;
using Modular.Engine.Containers;
using Modular.Engine.Containers.Resources;
using Modular.Engine.Security;
using Modular.Remote.Services;
using Xunit;

namespace Modular.Cli.Tests.Remote;

/// <summary>
/// Proves no create flag is dropped on the way through the service: a request with every
/// field set goes CreateContainerRequest -> SpecGenerator JSON (the remote client) -> the
/// `create` argv (the service) -> the CLI's parse, and comes back equal. A field added to
/// the request later without a sample value here, or without travelling, fails this test.
/// </summary>
public sealed class SpecGeneratorRoundTripTests
{
    // Fields that do not travel as themselves, each with the reason.
    private static readonly Dictionary<string, string> NotCarried = new()
    {
        ["CreateContainerRequest.Rootfs"] = "the other form of Image; covered by RootfsTravels",
        ["CreateContainerRequest.Network"] = "not set by the CLI (Networks holds every --network)",
        ["CreateContainerRequest.Attach"] = "the client attaches itself; the service always creates detached",
        ["CreateContainerRequest.Pull"] = "the client pulls first; the service creates with --pull never",
        ["CreateContainerRequest.TlsVerify"] = "a pull option; the client pulls",
        ["CreateContainerRequest.PullProgress"] = "a writer of the client's own",
        ["CreateContainerRequest.IsInfra"] = "set by the pod service for its infra container only",
        ["CreateContainerRequest.PreserveFds"] = "refused remotely: descriptors cannot cross processes",
        ["CreateContainerRequest.PreserveFd"] = "refused remotely: descriptors cannot cross processes",
        ["HealthFlags.Disabled"] = "exclusive with Command; covered by NoHealthcheckTravels",
        ["ResourceFlags.Cpus"] = "travels as CpuQuota over CpuPeriod, as Podman's; covered by CpusTravelAsQuota",
        ["ResourceFlags.Ulimits"] = "update's rlimits; create's are SecurityFlags.Ulimits",
        ["ResourceFlags.AnyLimit"] = "computed",
    };

    [Fact]
    public void EveryCreateFieldTravels()
    {
        var original = Sample();
        AssertEveryFieldSet(original);

        var back = RoundTrip(original);

        var sent = Canonical(original).Split('\n');
        var received = Canonical(back).Split('\n');
        var lost = sent.Except(received).ToList();
        var gained = received.Except(sent).ToList();
        Assert.True(
            lost.Count == 0 && gained.Count == 0,
            "sent but not received:\n" + string.Join('\n', lost) + "\nreceived but not sent:\n" + string.Join('\n', gained));
        Assert.Equal(Canonical(original), Canonical(back));
    }

    [Fact]
    public void CpusTravelAsQuota()
    {
        var original = Sample() with { Resources = new ResourceFlags { Cpus = "1.5" } };

        var back = RoundTrip(original);

        Assert.Equal(150_000, back.Resources.CpuQuota);
        Assert.Equal(100_000UL, back.Resources.CpuPeriod);
    }

    [Fact]
    public void NoHealthcheckTravels()
    {
        var original = Sample() with { Health = new HealthFlags(Disabled: true) };

        Assert.Equal(original.Health, RoundTrip(original).Health);
    }

    [Fact]
    public void RootfsTravels()
    {
        var original = Sample() with { Image = null, Rootfs = "/srv/rootfs" };

        var back = RoundTrip(original);

        Assert.Null(back.Image);
        Assert.Equal("/srv/rootfs", back.Rootfs);
    }

    [Fact]
    public void UlimitHostTravels()
    {
        var original = Sample() with { Security = new SecurityFlags { Ulimits = ["host"] } };

        Assert.Equal(["host"], RoundTrip(original).Security.Ulimits);
    }

    [Fact]
    public void PreserveFdsIsRefused()
    {
        var original = Sample() with { PreserveFds = 2 };

        var error = Assert.Throws<Contracts.Errors.CapabilityMissingException>(
            () => SpecGenerator.From(original, false));
        Assert.Contains("--preserve-fds", error.Message, StringComparison.Ordinal);
    }

    private static CreateContainerRequest RoundTrip(CreateContainerRequest request)
    {
        // Through text, as on the wire: numbers and strings arrive as JsonElement values.
        var wire = SpecGenerator.From(request, request.AutoRemove).ToJsonString();
        var (args, command) = SpecGeneratorArguments.From(JsonNode.Parse(wire)!.AsObject());
        Assert.Equal(["create", "--pull", "never"], args.Take(3));
        return Parse(args.Skip(1).ToList(), command);
    }

    // What `modpod create` makes of the argv (cli/Commands/RunCommand.cs Create).
    private static CreateContainerRequest Parse(List<string> args, List<string> command)
    {
        var flags = new RunFlags();
        var create = flags.AddTo(new System.CommandLine.Command("create"));
        var result = create.Parse(args);
        Assert.Empty(result.Errors);
        var request = flags.ToRequest(result, command, false, _ => null);
        return flags.Lifetime.AddTo(
            result, request, result.GetResult(flags.Remove) is { Implicit: false }, null, TextWriter.Null);
    }

    // The client-side fields (see NotCarried) left out; TextWriter cannot be serialized.
    private static readonly JsonSerializerOptions WithoutWriters = new()
    {
        WriteIndented = true,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver
        {
            Modifiers =
            {
                info =>
                {
                    foreach (var property in info.Properties.Where(p => p.PropertyType == typeof(TextWriter)).ToList())
                    {
                        info.Properties.Remove(property);
                    }
                },
            },
        },
    };

    private static string Canonical(CreateContainerRequest request) =>
        JsonSerializer.Serialize(request with { Pull = default, Attach = false }, WithoutWriters);

    private static void AssertEveryFieldSet(CreateContainerRequest sample)
    {
        var unset = Unset(sample, new CreateContainerRequest())
            .Concat(Unset(sample.Security, new SecurityFlags()))
            .Concat(Unset(sample.Resources, new ResourceFlags()))
            .Concat(Unset(sample.Health, new HealthFlags()))
            .Where(name => !NotCarried.ContainsKey(name))
            .ToList();
        Assert.True(unset.Count == 0, "the sample leaves these at their default: " + string.Join(", ", unset));
    }

    private static IEnumerable<string> Unset<T>(T sample, T empty) =>
        typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.PropertyType != typeof(TextWriter)
                && JsonSerializer.Serialize(p.GetValue(sample)) == JsonSerializer.Serialize(p.GetValue(empty)))
            .Select(p => typeof(T).Name + "." + p.Name);

    // Values in the form the service writes them back (bytes, numbers, one option per
    // --security-opt in the service's order); other spellings travel as their equivalent.
    private static CreateContainerRequest Sample() => new()
    {
        Image = "localhost/busybox:latest",
        Name = "roundtrip",
        Command = ["sh", "-c", "sleep 1"],
        Entrypoint = "[\"/bin/sh\",\"-e\"]",
        Env = ["A=1", "B=two words"],
        WorkingDir = "/work",
        User = "1000:1000",
        Hostname = "box",
        Networks = ["net1"],
        PortMappings = [new PortMapping("127.0.0.1", 80, 8080, 2, "tcp")],
        PublishAll = true,
        Expose = ["9000/udp"],
        StaticIps = ["10.231.0.5"],
        MacAddress = "92:d0:c6:0a:29:33",
        NetworkAliases = ["web"],
        DnsServers = ["10.0.0.1"],
        DnsSearch = ["example.test"],
        DnsOptions = ["ndots:2"],
        AddHosts = ["db:10.0.0.2"],
        NoHosts = true,
        LogDriver = "k8s-file",
        LogOptions = ["max-size=10m"],
        AutoRemove = true,
        Runtime = "runc",
        StopTimeout = 5,
        Labels = ["l=v"],
        Annotations = ["a=b"],
        UnsetEnv = ["PATH"],
        UnsetEnvAll = true,
        StopSignal = "10",
        Volumes = ["/tmp:/data:ro"],
        // Written back as --tmpfs and -v when they say the same; an anonymous volume with
        // options is the one --mount the service writes.
        Mounts = ["type=volume,destination=/anon,ro"],
        Tmpfs = ["/cache"],
        VolumesFrom = ["other:ro"],
        ImageVolume = "tmpfs",
        Restart = "on-failure:3",
        Health = new HealthFlags(
            "echo ok", "30s", 3, "5s", "10s", false, "kill", "events", 7, 600),
        Resources = SampleResources(),
        Security = SampleSecurity(),
        Pod = "pod1",
        Tty = true,
        Interactive = true,
        AutoRemoveImage = true,
        Timeout = 30,
        ConmonPidFile = "/tmp/conmon.pid",
        Umask = "0027",
        NoHostname = true,
        UidMap = ["0:100000:65536"],
        GidMap = ["0:200000:65536"],
        Secrets = ["s1,type=mount,target=/run/secrets/s1,uid=1,gid=2,mode=400", "s2,type=env,target=VAR"],
    };

    private static ResourceFlags SampleResources() => new()
    {
        Memory = "67108864",
        MemorySwap = "134217728",
        MemoryReservation = "33554432",
        MemorySwappiness = 60,
        CpuShares = 512,
        CpuQuota = 50_000,
        CpuPeriod = 100_000,
        CpusetCpus = "0",
        CpusetMems = "0",
        PidsLimit = 100,
        BlkioWeight = 500,
        OomKillDisable = true,
        OomScoreAdj = 100,
        CgroupParent = "/machine",
        Cgroups = "split",
        CgroupConf = ["memory.high=1000000"],
        DeviceCgroupRules = ["c 1:3 mr"],
    };

    private static SecurityFlags SampleSecurity() => new()
    {
        CapAdd = ["CAP_NET_ADMIN"],
        CapDrop = ["CAP_CHOWN"],
        Privileged = true,
        SecurityOpts =
        [
            "no-new-privileges", "label=disable", "seccomp=unconfined", "seccomp-policy=image",
            "apparmor=unconfined", "mask=/proc/acpi", "unmask=/proc/kcore", "proc-opts=hidepid=2",
        ],
        ReadOnly = true,
        ReadOnlyTmpfs = false,
        GroupAdd = ["wheel"],
        Devices = ["/dev/null:/dev/xnull:rw"],
        Ulimits = ["nofile=1024:2048"],
        Sysctls = ["net.ipv4.ip_forward=1"],
        Init = true,
        InitPath = "/usr/libexec/podman/catatonit",
        Ipc = "shareable",
        Pid = "host",
        Uts = "ns:/proc/1/ns/uts",
        Cgroupns = "container:other",
        ShmSize = "67108864",
        Systemd = true,
    };
}
