using System.Formats.Tar;
using System.IO.Compression;
using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.FieldCases;

/// <summary>The build field cases (BLD-*, LAY-01, RUN-05), each in its own context directory.</summary>
public sealed partial class FieldCaseTests
{
    [Fact]
    public async Task LAY01_a_directory_removed_and_made_again_shows_no_file_of_the_old_copy()
    {
        await modpod.EnsureBusyboxAsync();
        using var work = new BuildContext();
        work.Write("Containerfile.a", "FROM localhost/busybox:latest\nRUN mkdir -p /srv/d1/d2 && echo old > /srv/d1/d2/stale\nRUN rm -r /srv/d1\nRUN mkdir -p /srv/d1/d2\n");
        work.Write("Containerfile.b", "FROM localhost/busybox:latest\nRUN mkdir -p /srv/d1/d2 && echo old > /srv/d1/d2/stale\nRUN rm -r /srv/d1 && mkdir -p /srv/d1/d2\n");

        var buildA = await modpod.RunAsync("build", "-q", "--network", "none", "-t", "localhost/lay01a", "-f", work.PathOf("Containerfile.a"), work.Path);
        var buildB = await modpod.RunAsync("build", "-q", "--network", "none", "-t", "localhost/lay01b", "-f", work.PathOf("Containerfile.b"), work.Path);
        var a = await modpod.RunAsync("run", "--rm", "--network", "none", "localhost/lay01a", "ls", "-A", "/srv/d1/d2");
        var b = await modpod.RunAsync("run", "--rm", "--network", "none", "localhost/lay01b", "ls", "-A", "/srv/d1/d2");

        ModpodAssert.Exit(0, buildA);
        ModpodAssert.Exit(0, buildB);
        ModpodAssert.Exit(0, a);
        ModpodAssert.Exit(0, b);
        Assert.Equal("", a.Output);
        Assert.Equal("", b.Output);
    }

    [Fact]
    public async Task RUN05_an_empty_entrypoint_flag_clears_the_image_entrypoint()
    {
        await modpod.EnsureBusyboxAsync();
        using var work = new BuildContext();
        work.Write("Containerfile", "FROM localhost/busybox:latest\nENTRYPOINT [\"echo\",\"from-entrypoint\"]\n");

        ModpodAssert.Exit(0, await modpod.RunAsync("build", "-q", "-t", "localhost/run05", work.Path));
        var o1 = await modpod.RunAsync("run", "--rm", "--network", "none", "--entrypoint=", "localhost/run05", "sh", "-c", "echo cleared");
        var o2 = await modpod.RunAsync("run", "--rm", "--network", "none", "--entrypoint", "", "localhost/run05", "echo", "also-cleared");
        var o3 = await modpod.RunAsync("run", "--rm", "--network", "none", "localhost/run05", "extra");

        Assert.Equal((0, "cleared"), (o1.ExitCode, o1.Output));
        Assert.Equal((0, "also-cleared"), (o2.ExitCode, o2.Output));
        Assert.Equal((0, "from-entrypoint extra"), (o3.ExitCode, o3.Output));
    }

    [Fact]
    public async Task BLD01_a_global_arg_is_empty_in_the_stage_until_declared_again()
    {
        await modpod.EnsureBusyboxAsync();
        using var work = new BuildContext();
        work.Write("Containerfile", """
            ARG BASE=localhost/busybox:latest
            ARG V=outer-default
            FROM $BASE
            RUN echo "before=[$V]" > /srv-bld01
            ARG V
            RUN echo "after=[$V]" >> /srv-bld01
            """);

        var buildA = await modpod.RunAsync("build", "-q", "--no-cache", "--network", "none", "-t", "localhost/bld01a", work.Path);
        var buildB = await modpod.RunAsync("build", "-q", "--no-cache", "--network", "none", "--build-arg", "V=from-cli", "-t", "localhost/bld01b", work.Path);
        var a = await modpod.RunAsync("run", "--rm", "--network", "none", "localhost/bld01a", "cat", "/srv-bld01");
        var b = await modpod.RunAsync("run", "--rm", "--network", "none", "localhost/bld01b", "cat", "/srv-bld01");

        ModpodAssert.Exit(0, buildA);
        ModpodAssert.Exit(0, buildB);
        Assert.Equal("before=[]\nafter=[outer-default]", a.Output);
        Assert.Equal("before=[]\nafter=[from-cli]", b.Output);
    }

    [Fact]
    public async Task BLD03_copy_ignores_user_chown_resolves_names_and_from_takes_a_stage_by_name_or_index()
    {
        await modpod.EnsureBusyboxAsync();
        using var work = new BuildContext();
        work.Write("ctxfile", "ctx\n");
        work.Write("Containerfile", """
            FROM localhost/busybox:latest AS build
            RUN mkdir -p /out && echo artifact > /out/artifact
            FROM localhost/busybox:latest
            RUN echo 'app:x:2000:2000::/home/app:/bin/sh' >> /etc/passwd && echo 'app:x:2000:' >> /etc/group && mkdir -p /srv/bld && chmod 777 /srv/bld
            USER app
            COPY ctxfile /srv/bld/plain
            COPY --chown=app:app ctxfile /srv/bld/chowned
            COPY --from=build /out/artifact /srv/bld/by-name
            COPY --from=0 /out/artifact /srv/bld/by-index
            RUN id -u > /srv/bld/runuser
            """);

        var build = await modpod.RunAsync("build", "-q", "--no-cache", "--network", "none", "-t", "localhost/bld03", work.Path);
        var run = await modpod.RunAsync(
            "run", "--rm", "--network", "none", "localhost/bld03", "sh", "-c",
            "stat -c %u:%g /srv/bld/plain /srv/bld/chowned; cat /srv/bld/by-name /srv/bld/by-index /srv/bld/runuser; id -un");

        ModpodAssert.Exit(0, build);
        Assert.Equal("0:0\n2000:2000\nartifact\nartifact\n2000\napp", run.Output);
    }

    [Fact]
    public async Task BLD04_add_unpacks_a_local_tar_gz_but_keeps_a_downloaded_one_as_a_file()
    {
        await modpod.EnsureBusyboxAsync();
        using var work = new BuildContext();
        var bundle = GzippedTar("pkg/inner.txt", "inside\n");
        work.WriteBytes("bundle.tar.gz", bundle);
        using var server = new LoopbackFileServer("/remote.tar.gz", bundle);
        work.Write("Containerfile", $"FROM localhost/busybox:latest\nADD bundle.tar.gz /srv/local/\nADD {server.Url}/remote.tar.gz /srv/remote/\n");

        var build = await modpod.RunAsync("build", "-q", "--no-cache", "-t", "localhost/bld04", work.Path);
        var run = await modpod.RunAsync(
            "run", "--rm", "--network", "none", "localhost/bld04", "sh", "-c",
            "cat /srv/local/pkg/inner.txt; ls /srv/local; ls /srv/remote; [ -f /srv/remote/remote.tar.gz ] && echo is-file");

        ModpodAssert.Exit(0, build);
        Assert.Equal("inside\npkg\nremote.tar.gz\nis-file", run.Output);
    }

    [Fact]
    public async Task BLD06_changed_content_of_same_size_and_mtime_rebuilds_from_its_copy_on()
    {
        await modpod.EnsureBusyboxAsync();
        using var work = new BuildContext();
        var mtime = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        work.Write("data", "aaaa\n", mtime);
        work.Write("Containerfile", "FROM localhost/busybox:latest\nRUN echo step1 > /srv-step1\nCOPY data /srv-data\nRUN cat /srv-data > /srv-after\n");
        string[] build = ["build", "--layers", "--network", "none", "-t", "localhost/bld06", work.Path];

        ModpodAssert.Exit(0, await modpod.RunAsync(build));
        var id1 = (await modpod.RunAsync("image", "inspect", "--format", "{{.Id}}", "localhost/bld06")).Output;
        var second = await modpod.RunAsync(build);
        var id2 = (await modpod.RunAsync("image", "inspect", "--format", "{{.Id}}", "localhost/bld06")).Output;
        work.Write("data", "bbbb\n", mtime);
        var third = await modpod.RunAsync(build);
        var id3 = (await modpod.RunAsync("image", "inspect", "--format", "{{.Id}}", "localhost/bld06")).Output;
        var run = await modpod.RunAsync("run", "--rm", "--network", "none", "localhost/bld06", "cat", "/srv-data", "/srv-after");

        Assert.Equal(id1, id2);
        Assert.NotEqual(id1, id3);
        Assert.Contains("--> Using cache", second.Output);
        Assert.Contains("STEP 2/4: RUN echo step1 > /srv-step1\n--> Using cache", third.Output);
        Assert.Equal("bbbb\nbbbb", run.Output);
    }

    private static byte[] GzippedTar(string name, string content)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        using (var writer = new TarWriter(gzip, TarEntryFormat.Pax))
        {
            writer.WriteEntry(new PaxTarEntry(TarEntryType.Directory, "pkg/") { Mode = (UnixFileMode)0x1ed });
            writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name)
            {
                Mode = (UnixFileMode)0x1a4,
                DataStream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(content)),
            });
        }

        return output.ToArray();
    }
}
