using Modular.Contracts.Errors;
using Modular.Engine.Build.Syntax;
using Xunit;

namespace Modular.Engine.Tests.Build.Syntax;

/// <summary>commit --change values, read as Podman's ImageConfigFromChanges reads them.</summary>
public sealed class CommitChangesTests
{
    [Fact]
    public void Each_accepted_instruction_becomes_its_model_record_with_final_values()
    {
        var changes = CommitChanges.Parse([
            "CMD /bin/app --flag", "ENTRYPOINT [\"/init\"]", "ENV=\"A\"=\"xy\"", "EXPOSE 8080/UDP",
            "LABEL \"k\"=v=w", "ONBUILD RUN echo hi", "STOPSIGNAL SIGKILL", "USER app",
            "VOLUME /a /b", "WORKDIR /srv", "WORKDIR sub", "CMD ",
        ]);

        Assert.Equal(["/bin/sh", "-c", "/bin/app --flag"], ((CmdInstruction)changes[0]).Command.Words);
        Assert.Equal(["/init"], ((EntrypointInstruction)changes[1]).Command.Words);
        Assert.Equal(new KeyValueWord("A", "xy"), ((EnvInstruction)changes[2]).Variables[0]);
        Assert.Equal(["8080/udp"], ((ExposeInstruction)changes[3]).Ports);
        Assert.Equal(new KeyValueWord("k", "v=w"), ((LabelInstruction)changes[4]).Labels[0]);
        Assert.IsType<RunInstruction>(((OnbuildInstruction)changes[5]).Inner);
        Assert.Equal("9", ((StopSignalInstruction)changes[6]).Signal);
        Assert.Equal("app", ((UserInstruction)changes[7]).User);
        Assert.Equal(["/a", "/b"], ((VolumeInstruction)changes[8]).Paths);
        Assert.Equal("/srv/sub", ((WorkdirInstruction)changes[10]).Path);
        Assert.Empty(((CmdInstruction)changes[11]).Command.Words);
    }

    [Theory]
    [InlineData("RUN echo", "invalid change \"RUN echo\" - invalid instruction RUN")]
    [InlineData("USER", "invalid change \"USER\" - must be formatted as KEY VALUE")]
    [InlineData("USER ", "invalid change \"USER \" - must provide a value to USER")]
    [InlineData("EXPOSE 1/2/3", "invalid change \"EXPOSE 1/2/3\" - EXPOSE port must be formatted as PORT[/PROTO]")]
    [InlineData("EXPOSE 0", "invalid change \"EXPOSE 0\" - EXPOSE port must be a valid port number")]
    [InlineData("EXPOSE 80/sctp", "invalid change \"EXPOSE 80/sctp\" - EXPOSE protocol must be TCP or UDP")]
    [InlineData("LABEL novalue", "invalid change \"LABEL novalue\" - LABEL must be formatted key=value")]
    [InlineData("ENV =x", "invalid change \"ENV =x\" - ENV must have at least one argument")]
    [InlineData("STOPSIGNAL SIGNOPE", "KILLSIGNAL must be given a valid signal")]
    [InlineData("VOLUME /a  /b", "VOLUME paths must not be empty")]
    public void Bad_changes_are_refused_with_podmans_words(string change, string expected)
    {
        var message = Assert.Throws<InvalidInputException>(() => CommitChanges.Parse([change])).Message;

        Assert.Contains(expected, message);
    }
}
