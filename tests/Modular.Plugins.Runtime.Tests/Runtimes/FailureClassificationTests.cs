using Modular.Contracts.Runtime;
using Modular.Engine.Containers;
using Modular.Plugins.Runtime.Crun;
using Modular.Plugins.Runtime.Runc;

namespace Modular.Plugins.Runtime.Tests.Runtimes;

/// <summary>The runtimes' own error texts, as captured from runc 1.1.5 and crun 1.8.1 on this host.</summary>
public sealed class FailureClassificationTests
{
    [Theory]
    [InlineData("runc create failed: unable to start container process: exec: \"/no/such/command\": stat /no/such/command: no such file or directory", RuntimeFailureKind.CommandNotFound)]
    [InlineData("runc create failed: unable to start container process: exec: \"nosuch\": executable file not found in $PATH", RuntimeFailureKind.CommandNotFound)]
    [InlineData("runc create failed: unable to start container process: exec: \"/etc\": permission denied", RuntimeFailureKind.CannotInvoke)]
    [InlineData("runc create failed: unable to start container process: exec: \"/etc\": is a directory", RuntimeFailureKind.CannotInvoke)]
    [InlineData("runc create failed: unable to apply cgroup configuration: mkdir /sys/fs/cgroup/x: read-only file system", RuntimeFailureKind.Other)]
    public void Runc_texts_map_to_not_found_and_cannot_invoke(string text, RuntimeFailureKind expected)
    {
        Assert.Equal(expected, new RuncRuntime().ClassifyFailure(text));
    }

    [Theory]
    [InlineData("executable file `/no/such/command` not found in $PATH: No such file or directory", RuntimeFailureKind.CommandNotFound)]
    [InlineData("executable file `nosuch` not found in $PATH: No such file or directory", RuntimeFailureKind.CommandNotFound)]
    [InlineData("open executable: Operation not permitted", RuntimeFailureKind.CannotInvoke)]
    [InlineData("exec container process `/etc`: Permission denied", RuntimeFailureKind.CannotInvoke)]
    [InlineData("cgroups in hybrid mode not supported, drop all controllers from cgroupv2", RuntimeFailureKind.Other)]
    public void Crun_texts_map_to_not_found_and_cannot_invoke(string text, RuntimeFailureKind expected)
    {
        Assert.Equal(expected, new CrunRuntime(() => false).ClassifyFailure(text));
    }

    [Fact]
    public void Runcs_logrus_line_is_reduced_to_its_message()
    {
        var text = "time=\"2026-12-04T16:54:21Z\" level=error msg=\"runc create failed: exec: \\\"/etc\\\": permission denied\"\n";

        Assert.Equal("runc create failed: exec: \"/etc\": permission denied", RuntimeMessage.Clean(text));
    }
}
