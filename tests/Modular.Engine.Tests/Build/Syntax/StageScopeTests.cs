using Modular.Engine.Build.Syntax;
using Xunit;

namespace Modular.Engine.Tests.Build.Syntax;

/// <summary>ARG scoping, ENV shadowing and which instructions expand.</summary>
public sealed class StageScopeTests
{
    private static readonly BuildPlatforms Amd64 = new("linux/amd64", "linux/arm64/v8");

    private static (Containerfile File, BuildArgs Args) Load(string text, params string[] buildArgs)
    {
        var file = ContainerfileParser.Parse(text);
        var values = buildArgs.Select(a => a.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        return (file, new BuildArgs(file, values, Amd64));
    }

    private static List<Instruction> Walk(Containerfile file, BuildArgs args, int stage = 0, params string[] env)
    {
        var scope = args.BeginStage(env);
        return file.Stages[stage].Instructions.Select(scope.Apply).ToList();
    }

    [Fact]
    public void A_global_arg_is_seen_by_from_but_inside_a_stage_only_after_a_bare_redeclaration()
    {
        // Field case BLD-01 (moby/moby#32840).
        const string text = """
            ARG BASE=localhost/busybox:latest
            ARG V=outer-default
            FROM $BASE
            LABEL before=[$V]
            ARG V
            LABEL after=[$V]
            """;
        var (file, args) = Load(text);
        var (_, cli) = Load(text, "V=from-cli");

        var labels = Walk(file, args).OfType<LabelInstruction>().Select(l => l.Labels[0].Value).ToList();
        var fromCli = Walk(file, cli).OfType<LabelInstruction>().Select(l => l.Labels[0].Value).ToList();

        Assert.Equal("localhost/busybox:latest", args.ExpandFrom(file.Stages[0].From).Image);
        Assert.Equal(["[]", "[outer-default]"], labels);
        Assert.Equal(["[]", "[from-cli]"], fromCli);
    }

    [Fact]
    public void Env_shadows_an_arg_of_the_same_name_and_a_build_arg_overrides_a_default()
    {
        var (file, args) = Load("""
            FROM scratch
            ARG CONT_IMG_VER=v1.0.0
            ENV CONT_IMG_VER=v2.0.0
            ARG OTHER=default
            USER $CONT_IMG_VER:$OTHER
            """, "CONT_IMG_VER=v9", "OTHER=given");

        var user = Walk(file, args).OfType<UserInstruction>().Single();

        Assert.Equal("v2.0.0:given", user.User);
    }

    [Fact]
    public void Env_pairs_on_one_line_see_the_values_from_before_that_line()
    {
        var (file, args) = Load("FROM scratch\nENV abc=hello\nENV abc=bye def=$abc\nENV ghi=$abc");
        var scope = args.BeginStage([]);

        foreach (var instruction in file.Stages[0].Instructions)
        {
            scope.Apply(instruction);
        }

        Assert.Equal(["abc=bye", "def=hello", "ghi=bye"], scope.Environment);
    }

    [Fact]
    public void Env_and_label_forms_unquote_values()
    {
        var (file, args) = Load("""
            FROM scratch
            ENV MY_NAME="John Doe" MY_DOG=Rex\ The\ Dog MY_CAT=fluffy
            ENV LEGACY  value with   spaces
            LABEL "com.example.vendor"="ACME Incorporated" version=1.0 description='a \
            b'
            """);

        var scope = args.BeginStage(["PATH=/bin"]);
        var applied = file.Stages[0].Instructions.Select(scope.Apply).ToList();

        Assert.Equal(["PATH=/bin", "MY_NAME=John Doe", "MY_DOG=Rex The Dog", "MY_CAT=fluffy",
            "LEGACY=value with   spaces"], scope.Environment);
        var labels = ((LabelInstruction)applied[2]).Labels;
        Assert.Equal(["com.example.vendor", "version", "description"], labels.Select(l => l.Key));
        Assert.Equal(["ACME Incorporated", "1.0", "a b"], labels.Select(l => l.Value));
    }

    [Fact]
    public void Run_cmd_and_entrypoint_are_not_expanded_but_copy_workdir_and_expose_are()
    {
        var (file, args) = Load("""
            FROM scratch
            ARG DIR=/srv
            ARG PORTS="80 53/udp"
            RUN echo $DIR
            CMD echo $DIR
            COPY --chown=${OWNER:-app} $DIR/a ${DIR}/b
            WORKDIR $DIR/work
            EXPOSE $PORTS
            VOLUME ["$DIR/data"]
            STOPSIGNAL ${SIG:-SIGTERM}
            """);

        var applied = Walk(file, args);

        Assert.Equal(["echo $DIR"], ((RunInstruction)applied[2]).Command.Words);
        Assert.Equal(["echo $DIR"], ((CmdInstruction)applied[3]).Command.Words);
        var copy = (CopyInstruction)applied[4];
        Assert.Equal(["/srv/a"], copy.Sources);
        Assert.Equal("/srv/b", copy.Destination);
        Assert.Equal("app", copy.Options.Chown);
        Assert.Equal("/srv/work", ((WorkdirInstruction)applied[5]).Path);
        Assert.Equal(["80", "53/udp"], ((ExposeInstruction)applied[6]).Ports);
        Assert.Equal(["/srv/data"], ((VolumeInstruction)applied[7]).Paths);
        Assert.Equal("SIGTERM", ((StopSignalInstruction)applied[8]).Signal);
    }

    [Fact]
    public void Platform_args_are_global_and_need_a_bare_arg_inside_a_stage()
    {
        var (file, args) = Load("""
            FROM --platform=$BUILDPLATFORM scratch
            LABEL before=$TARGETARCH
            ARG TARGETARCH
            ARG TARGETVARIANT
            LABEL after=$TARGETARCH/$TARGETVARIANT
            """);

        var labels = Walk(file, args).OfType<LabelInstruction>().Select(l => l.Labels[0].Value);

        Assert.Equal("linux/amd64", args.ExpandFrom(file.Stages[0].From).Platform);
        Assert.Equal(["", "arm64/v8"], labels);
    }

    [Fact]
    public void Run_environment_carries_args_and_proxies_unless_env_shadows_them()
    {
        var (file, args) = Load("FROM scratch\nARG A=1\nARG B=2\nENV B=env\nARG NOVALUE",
            "http_proxy=http://127.0.0.1:3128");
        var scope = args.BeginStage(["PATH=/bin"]);

        foreach (var instruction in file.Stages[0].Instructions)
        {
            scope.Apply(instruction);
        }

        Assert.Equal(["PATH=/bin", "B=env", "A=1", "http_proxy=http://127.0.0.1:3128"], scope.RunEnvironment);
        Assert.Equal("http://127.0.0.1:3128", scope.Lookup("http_proxy"));
    }

    [Fact]
    public void Build_args_no_arg_declared_are_reported_sorted_and_proxies_never()
    {
        var (file, args) = Load("ARG G\nFROM scratch\nARG USED", "USED=1", "G=2", "ZED=3", "ALPHA=4",
            "HTTPS_PROXY=p");

        Walk(file, args);

        Assert.Equal("[Warning] one or more build args were not consumed: [ALPHA ZED]", args.UnusedWarning());
    }

    [Fact]
    public void A_copy_heredoc_expands_unless_its_delimiter_is_quoted()
    {
        var (file, args) = Load("""
            FROM scratch
            ARG NAME=world
            COPY <<EOF /hello
            hello "$NAME"
            EOF
            COPY <<'EOF' /raw
            hello $NAME
            EOF
            """);

        var copies = Walk(file, args).OfType<CopyInstruction>().ToList();

        Assert.Equal("hello \"world\"\n", copies[0].Documents[0].Content);
        Assert.Equal("hello $NAME\n", copies[1].Documents[0].Content);
        Assert.Same(copies[0].Documents[0], copies[0].HeredocFor("<<EOF"));
    }
}
