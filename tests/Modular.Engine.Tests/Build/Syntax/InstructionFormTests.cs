using Modular.Engine.Build.Syntax;
using Xunit;

namespace Modular.Engine.Tests.Build.Syntax;

/// <summary>Forms, flags and heredocs of single instructions.</summary>
public sealed class InstructionFormTests
{
    private static T Parse<T>(string text)
        where T : Instruction =>
        (T)ContainerfileParser.Parse("FROM scratch\n" + text).Stages[0].Instructions.Single();

    [Fact]
    public void Json_is_exec_form_and_anything_else_shell_form()
    {
        Assert.Equal(["echo", "a b"], Parse<RunInstruction>("RUN [\"echo\", \"a b\"]").Command.Words);
        Assert.True(Parse<EntrypointInstruction>("ENTRYPOINT [\"top\", \"-b\"]").Command.IsExec);
        var single = Parse<CmdInstruction>("CMD ['single', 'quotes']").Command;
        Assert.False(single.IsExec);
        Assert.Equal(["['single', 'quotes']"], single.Words);
        var shellForm = Parse<CmdInstruction>("CMD echo hi").Command;
        Assert.Equal(["/bin/sh", "-c", "echo hi"], shellForm.ToArgv(["/bin/sh", "-c"]));
        var shell = Parse<ShellInstruction>("SHELL [\"powershell\", \"-command\"]");
        Assert.Equal(["powershell", "-command"], shell.Shell);
    }

    [Fact]
    public void Run_flags_become_typed_mounts_network_and_security()
    {
        var run = Parse<RunInstruction>(
            "RUN --mount=type=cache,target=/root/.cache,id=pip,sharing=locked,uid=1000 "
            + "--mount=type=bind,source=src,dst=/src,rw --mount=type=secret,id=tok,required "
            + "--mount=type=tmpfs,target=/t,size=1024 --network=none --security=insecure make");

        Assert.Equal(["make"], run.Command.Words);
        Assert.Equal("none", run.Network);
        Assert.Equal("insecure", run.Security);
        var (cache, bind, secret, tmpfs) = (run.Mounts[0], run.Mounts[1], run.Mounts[2], run.Mounts[3]);
        Assert.Equal((RunMount.Cache, "/root/.cache", "pip", "locked", 1000),
            (cache.Type, cache.Target, cache.Id, cache.Sharing, cache.Uid!.Value));
        Assert.False(cache.ReadOnly);
        Assert.Equal(("src", "/src", false), (bind.Source, bind.Target, bind.ReadOnly));
        Assert.True(secret.Required);
        Assert.Equal(1024, tmpfs.Size);
        Assert.True(Parse<RunInstruction>("RUN --mount=target=/x cat /x/a").Mounts[0].ReadOnly);
    }

    [Fact]
    public void Copy_and_add_keep_their_flags()
    {
        var copy = Parse<CopyInstruction>(
            "COPY --from=build --chown=app:app --chmod=0755 --link --parents --exclude=*.md --exclude=x a b /dst/");
        var add = Parse<AddInstruction>(
            "ADD --keep-git-dir=true --checksum=sha256:abc --link=false [\"a b\", \"/dst\"]");

        Assert.Equal(["a", "b"], copy.Sources);
        Assert.Equal("/dst/", copy.Destination);
        Assert.Equal(("build", "app:app", "0755", true, true), (copy.Options.From, copy.Options.Chown,
            copy.Options.Chmod, copy.Options.Link, copy.Options.Parents));
        Assert.Equal(["*.md", "x"], copy.Options.Excludes);
        Assert.Equal(["a b"], add.Sources);
        Assert.True(add.Options.KeepGitDir);
        Assert.False(add.Options.Link);
        Assert.Equal("sha256:abc", add.Options.Checksum);
    }

    [Fact]
    public void Healthcheck_reads_none_and_cmd_with_its_timings()
    {
        var none = Parse<HealthcheckInstruction>("HEALTHCHECK NONE");
        var check = Parse<HealthcheckInstruction>(
            "HEALTHCHECK --interval=5m --timeout=3s --start-period=1m30s --start-interval=500ms --retries=3 "
            + "CMD curl -f http://localhost/ || exit 1");
        var exec = Parse<HealthcheckInstruction>("HEALTHCHECK CMD [\"/bin/check\", \"-q\"]");

        Assert.Equal(["NONE"], none.Test);
        Assert.Equal(["CMD-SHELL", "curl -f http://localhost/ || exit 1"], check.Test);
        Assert.Equal((TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(90)),
            (check.Interval, check.Timeout, check.StartPeriod));
        Assert.Equal(TimeSpan.FromMilliseconds(500), check.StartInterval);
        Assert.Equal(3, check.Retries);
        Assert.Equal(["CMD", "/bin/check", "-q"], exec.Test);
        Assert.Null(exec.Interval);
    }

    [Theory]
    [InlineData("HEALTHCHECK NONE x", "HEALTHCHECK NONE takes no arguments")]
    [InlineData("HEALTHCHECK CURL x", "Unknown type \"CURL\" in HEALTHCHECK (try CMD)")]
    [InlineData("HEALTHCHECK CMD", "Missing command after HEALTHCHECK CMD")]
    [InlineData("HEALTHCHECK --interval=1us CMD x", "Interval \"interval\" cannot be less than 1ms")]
    [InlineData("HEALTHCHECK --timeout=soon CMD x", "time: invalid duration \"soon\"")]
    [InlineData("HEALTHCHECK --retries=-1 CMD x", "--retries cannot be negative (-1)")]
    [InlineData("RUN --mount=type=weird,target=/x y", "unsupported mount type \"weird\"")]
    [InlineData("RUN --mount=type=cache y", "mount type cache requires a target")]
    public void Bad_flags_are_refused(string text, string expected)
    {
        var error = Assert.ThrowsAny<Exception>(() => Parse<Instruction>(text));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Onbuild_wraps_another_instruction_and_keeps_its_text_as_the_trigger()
    {
        var onbuild = Parse<OnbuildInstruction>("ONBUILD ADD . /app/src");

        Assert.Equal("ADD . /app/src", onbuild.Trigger);
        Assert.Equal(["."], ((AddInstruction)onbuild.Inner).Sources);
    }

    [Fact]
    public void Expose_words_become_port_keys()
    {
        Assert.Equal(["80/tcp"], ExposedPort.Parse("80"));
        Assert.Equal(["53/udp"], ExposedPort.Parse("53/UDP"));
        Assert.Equal(["8000/tcp", "8001/tcp", "8002/tcp"], ExposedPort.Parse("8000-8002"));
        Assert.Throws<Modular.Contracts.Errors.InvalidInputException>(() => ExposedPort.Parse("http"));
    }

    [Fact]
    public void Arg_declarations_keep_names_and_raw_defaults()
    {
        var arg = Parse<ArgInstruction>("ARG A B=\"x y\" C=");

        Assert.Equal([new ArgDeclaration("A", null), new ArgDeclaration("B", "\"x y\""), new ArgDeclaration("C", "")],
            arg.Arguments);
    }

    [Fact]
    public void Maintainer_user_workdir_and_stopsignal_take_the_rest_of_the_line()
    {
        var maintainer = Parse<MaintainerInstruction>("MAINTAINER Jane <j@example.com>");
        Assert.Equal("Jane <j@example.com>", maintainer.Maintainer);
        Assert.Equal("app:app", Parse<UserInstruction>("USER app:app").User);
        Assert.Equal("/a b", Parse<WorkdirInstruction>("WORKDIR /a b").Path);
        Assert.Equal("SIGQUIT", Parse<StopSignalInstruction>("STOPSIGNAL SIGQUIT").Signal);
    }
}
