using Modular.Engine.Build.Syntax;
using Xunit;

namespace Modular.Engine.Tests.Build.Syntax;

/// <summary>A whole multi-stage file walked the way the executor walks it.</summary>
public sealed class CorpusTests
{
    private const string Multistage = """
        # syntax=docker/dockerfile:1
        ARG BASE=localhost/busybox:latest
        ARG VERSION=1.0

        FROM ${BASE} AS build
        ARG VERSION
        WORKDIR /src
        RUN <<EOF
        mkdir -p /out
        echo "$VERSION" > /out/version
        EOF

        FROM $BASE
        SHELL ["/bin/sh", "-e", "-c"]
        ENV APP_HOME=/srv/app \
            GREETING="hello world"
        LABEL org.example.version=$VERSION maintainer="ops"
        ARG VERSION
        LABEL org.example.release=v$VERSION
        RUN adduser -D app
        USER app
        COPY --chown=app:app --from=build /out/version $APP_HOME/
        COPY <<-EOT $APP_HOME/motd
        	$GREETING from $VERSION
        	EOT
        EXPOSE 8080/tcp 9090/udp
        VOLUME $APP_HOME/data
        HEALTHCHECK --interval=10s --retries=2 CMD wget -q -O- http://127.0.0.1:8080/ || exit 1
        STOPSIGNAL SIGINT
        ONBUILD COPY . $APP_HOME/src
        ENTRYPOINT ["/bin/sh", "-c"]
        CMD ["echo $GREETING"]
        """;

    [Fact]
    public void A_multistage_file_gives_the_values_an_image_config_needs()
    {
        var file = ContainerfileParser.Parse(Multistage);
        var args = new BuildArgs(file, new Dictionary<string, string> { ["VERSION"] = "2.5" });
        var final = file.Stages[1];
        var scope = args.BeginStage(["PATH=/bin"]);

        var applied = final.Instructions.Select(scope.Apply).ToList();

        Assert.Equal("localhost/busybox:latest", args.ExpandFrom(final.From).Image);
        Assert.Equal(17, final.StepCount);
        Assert.Equal(["PATH=/bin", "APP_HOME=/srv/app", "GREETING=hello world"], scope.Environment);
        var labels = applied.OfType<LabelInstruction>().SelectMany(l => l.Labels).ToList();
        Assert.Equal(["", "ops", "v2.5"], labels.Select(l => l.Value));
        var copies = applied.OfType<CopyInstruction>().ToList();
        Assert.Equal(("build", "app:app", "/srv/app/"),
            (copies[0].Options.From, copies[0].Options.Chown, copies[0].Destination));
        Assert.Equal("hello world from 2.5\n", copies[1].HeredocFor(copies[1].Sources[0])!.Content);
        Assert.Equal(["8080/tcp", "9090/udp"],
            applied.OfType<ExposeInstruction>().Single().Ports.SelectMany(ExposedPort.Parse));
        Assert.Equal(["/srv/app/data"], applied.OfType<VolumeInstruction>().Single().Paths);
        Assert.Equal("ONBUILD COPY . $APP_HOME/src", applied.OfType<OnbuildInstruction>().Single().Original);
        Assert.Equal(["echo $GREETING"], applied.OfType<CmdInstruction>().Single().Command.Words);
        Assert.Null(args.UnusedWarning());
    }

    [Fact]
    public void The_build_stage_runs_its_heredoc_with_the_arg_in_the_run_environment()
    {
        var file = ContainerfileParser.Parse(Multistage);
        var args = new BuildArgs(file, new Dictionary<string, string>());
        var scope = args.BeginStage([]);

        var run = file.Stages[0].Instructions.Select(scope.Apply).OfType<RunInstruction>().Single();

        Assert.Equal("RUN <<EOF (mkdir -p /out...)", run.StepText);
        Assert.Equal(["mkdir -p /out\necho \"$VERSION\" > /out/version\n"], run.Script.Words);
        Assert.Contains("VERSION=1.0", scope.RunEnvironment);
        Assert.Same(file.Stages[0], file.FindStage("build", before: 1));
    }
}
