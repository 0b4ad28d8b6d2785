using Modular.EndToEnd.Fixtures;
using Xunit;

namespace Modular.EndToEnd.Images;

/// <summary>
/// An empty tarball imports as an empty layer, and a Docker-format commit's message is the
/// image's Comment, compared with the Podman witness (the API's import with an empty body
/// and its compat commit rest on both).
/// </summary>
[Collection(Collections.Transports)]
public sealed class EmptyImportCommitCommentTests(ModpodFixture modpod, WitnessFixture witness)
{
    [Fact]
    public async Task Empty_import_and_docker_commit_message_match_podman()
    {
        var mine = await ImportAndCommitAsync(modpod.RunAsync);
        var theirs = await ImportAndCommitAsync(witness.PodmanAsync);

        Assert.Equal(theirs, mine);
        Assert.Equal("0 0 foo", mine);
    }

    /// <summary>"IMPORT-EXIT COMMIT-EXIT COMMENT", then removes what it made.</summary>
    private static async Task<string> ImportAndCommitAsync(Func<string[], Task<ModpodResult>> run)
    {
        var import = await run(["import", "-q", "/dev/null", "localhost/empty-import:v1"]);
        await run(["create", "--name", "empty-commit", "--network", "none", "localhost/empty-import:v1", "true"]);
        var commit = await run(["commit", "-q", "--format", "docker", "-m", "foo", "empty-commit", "localhost/commented:v1"]);
        var comment = await run(["image", "inspect", "--format", "{{.Comment}}", "localhost/commented:v1"]);
        await run(["rm", "-f", "empty-commit"]);
        await run(["rmi", "-f", "localhost/commented:v1", "localhost/empty-import:v1"]);
        return $"{import.ExitCode} {commit.ExitCode} {comment.Output}";
    }
}
