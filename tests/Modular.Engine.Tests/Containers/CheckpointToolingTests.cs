using Xunit;
using Modular.Contracts.Checkpoint;
using Modular.Contracts.Errors;
using Modular.Contracts.Runtime;
using Modular.Engine.Conmon;
using Modular.Engine.Containers.Checkpoints;

namespace Modular.Engine.Tests.Containers;

/// <summary>
/// What the engine hands the runtime from the checkpointer's probe: runc gets criu's path as
/// its global option, crun only PATH; conmon gets --restore and one --runtime-opt each.
/// </summary>
public sealed class CheckpointToolingTests
{
    private static readonly CheckpointerProbe Probe = new(
        true, "/opt/criu/bin/criu", "4.1.1", "", new CheckpointCapabilities(false, true, true));

    [Fact]
    public void A_runtime_with_a_path_option_gets_criu_as_a_global_argument()
    {
        var runc = new CheckpointTooling(Probe, new CheckpointLayout(), new CheckpointVerbs("checkpoint", "restore", "--criu"));
        var crun = new CheckpointTooling(Probe, new CheckpointLayout(), new CheckpointVerbs("checkpoint", "restore"));

        Assert.Equal(["--criu", "/opt/criu/bin/criu"], runc.GlobalArguments);
        Assert.Empty(crun.GlobalArguments);
        Assert.Equal("/opt/criu/bin:/usr/bin:/bin", crun.SearchPath("/usr/bin:/bin"));
        Assert.StartsWith("/opt/criu/bin:/usr/local/sbin:", crun.SearchPath(null));
    }

    [Fact]
    public void A_restore_plan_makes_conmon_restore_with_criu_first_in_path()
    {
        var tooling = new CheckpointTooling(Probe, new CheckpointLayout(), new CheckpointVerbs("checkpoint", "restore", "--criu"));
        var plan = new CheckpointRestorePlan("/s/checkpoint", ["--tcp-established"], tooling);
        var request = new ConmonRequest(
            "/usr/bin/conmon", "id", "name", "runc", ["--root", "/r"], "/b", "/b/pid", "/b/conmon.pid", "/e", "/p",
            "/s", "k8s-file", "/l", -1, "error", "/bin/modpod", [], new Dictionary<string, string>());

        var restored = plan.Apply(request);
        var args = ConmonArguments.Build(restored);

        Assert.Equal(["--root", "/r", "--criu", "/opt/criu/bin/criu"], restored.RuntimeArguments);
        Assert.StartsWith("/opt/criu/bin:", restored.Environment["PATH"]);
        var restoreAt = args.IndexOf("--restore");
        Assert.Equal("/s/checkpoint", args[restoreAt + 1]);
        var optionAt = args.IndexOf("--runtime-opt");
        Assert.Equal("--tcp-established", args[optionAt + 1]);
        Assert.DoesNotContain("--restore", ConmonArguments.Build(request));
    }

    [Fact]
    public void A_flag_whose_capability_is_missing_is_refused_with_podmans_text()
    {
        var none = CheckpointCapabilities.None;

        var preDump = Assert.Throws<CapabilityMissingException>(() => CheckpointCapabilityCheck.Require(none, true, false));
        var tcp = Assert.Throws<CapabilityMissingException>(() => CheckpointCapabilityCheck.Require(none, false, true));
        CheckpointCapabilityCheck.Require(new CheckpointCapabilities(true, true, true), true, true);

        Assert.Equal("system (architecture/kernel/CRIU) does not support memory tracking", preDump.Message);
        Assert.Contains("TCP", tcp.Message);
    }

    [Fact]
    public void The_default_layout_is_podmans_archive()
    {
        var layout = new CheckpointLayout();

        Assert.Equal(
            ["checkpoint", "config.dump", "spec.dump", "network.status", "rootfs-diff.tar", "deleted.files", "stats-dump"],
            layout.ArchiveEntries);
    }
}
