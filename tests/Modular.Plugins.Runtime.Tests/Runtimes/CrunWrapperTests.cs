using CliWrap;
using CliWrap.Buffered;
using Modular.Contracts.Runtime;
using Modular.Plugins.Runtime.Crun;

namespace Modular.Plugins.Runtime.Tests.Runtimes;

public sealed class CrunWrapperTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("modular-crun-").FullName;

    [Fact]
    public void On_a_hybrid_host_conmon_is_given_a_wrapper_and_on_others_crun_itself()
    {
        var context = new OciRuntimeContext(Path.Combine(_directory, "state"), "cgroupfs", [], _directory);

        var hybrid = new CrunRuntime(() => true).Resolve(context);
        var plain = new CrunRuntime(() => false).Resolve(context);

        Assert.Equal(Path.Combine(_directory, "state-helpers", HybridCgroupWrapper.FileName), hybrid.Executable);
        Assert.Equal("/usr/bin/crun", hybrid.Path);
        Assert.Equal("/usr/bin/crun", plain.Executable);
        Assert.Equal(["--root", context.StateRoot], hybrid.GlobalArguments);
    }

    [Fact]
    public void A_wrapper_installed_in_the_helper_directory_is_used_as_is()
    {
        var installed = HybridCgroupWrapper.Ensure(_directory, "/usr/bin/crun");
        var context = new OciRuntimeContext(Path.Combine(_directory, "state"), "cgroupfs", [], _directory);

        Assert.Equal(installed, new CrunRuntime(() => true).Resolve(context).Executable);
    }

    [Fact]
    public async Task The_wrapper_runs_crun_with_its_arguments()
    {
        var wrapper = HybridCgroupWrapper.Ensure(_directory, "/usr/bin/crun");

        var result = await Cli.Wrap(wrapper)
            .WithArguments(["--root", Path.Combine(_directory, "state"), "list"])
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync();

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("NAME", result.StandardOutput);
    }

    [Fact]
    public void Hybrid_detection_reads_the_mount_table()
    {
        var mountInfo = Path.Combine(_directory, "mountinfo");
        File.WriteAllText(mountInfo, "30 25 0:26 / /sys/fs/cgroup ro,nosuid - tmpfs tmpfs ro,mode=755\n"
            + "31 30 0:27 / /sys/fs/cgroup/unified rw,nosuid - cgroup2 cgroup2 rw\n");
        var pureV2 = Path.Combine(_directory, "mountinfo-v2");
        File.WriteAllText(pureV2, "30 25 0:26 / /sys/fs/cgroup rw,nosuid - cgroup2 cgroup2 rw\n");

        Assert.False(CgroupLayout.IsHybridWithUnifiedControllers(pureV2));
        Assert.Equal(
            File.Exists("/sys/fs/cgroup/unified/cgroup.controllers")
                && File.ReadAllText("/sys/fs/cgroup/unified/cgroup.controllers").Trim().Length > 0,
            CgroupLayout.IsHybridWithUnifiedControllers(mountInfo));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
