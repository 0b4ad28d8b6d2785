using Modular.Engine.Build.Syntax;
using Xunit;

namespace Modular.Engine.Tests.Build.Syntax;

/// <summary>.containerignore semantics from the Dockerfile reference's examples.</summary>
public sealed class IgnoreMatcherTests
{
    private static IgnoreMatcher Matcher(string file) => new(IgnorePatterns.Parse(file));

    [Fact]
    public void The_file_drops_comments_and_blanks_and_cleans_patterns()
    {
        var patterns = IgnorePatterns.Parse("\uFEFF# comment\n\n  /abs/dir/  \n./rel\n!  ./keep/../kept\r\nx//y\n");

        Assert.Equal(["abs/dir", "rel", "!kept", "x/y"], patterns);
    }

    [Theory]
    [InlineData("somedir/temporary.txt", true)]
    [InlineData("somedir/temp", true)]
    [InlineData("temp.txt", false)]
    [InlineData("somedir/subdir/temporary.txt", true)]
    [InlineData("tempa", true)]
    [InlineData("tempab", false)]
    [InlineData("a/b/c/tempa", false)]
    public void Reference_examples_with_star_and_question_mark(string path, bool excluded)
    {
        var matcher = Matcher("# comment\n*/temp*\n*/*/temp*\ntemp?\n");

        Assert.Equal(excluded, matcher.IsExcluded(path));
    }

    [Theory]
    [InlineData("main.go", true)]
    [InlineData("a/b/c.go", true)]
    [InlineData("a/b/c.gox", false)]
    public void Double_star_matches_any_number_of_directories(string path, bool excluded)
    {
        Assert.Equal(excluded, Matcher("**/*.go").IsExcluded(path));
    }

    [Fact]
    public void The_last_matching_line_wins()
    {
        var first = Matcher("*.md\n!README*.md\nREADME-secret.md");
        var second = Matcher("*.md\nREADME-secret.md\n!README*.md");

        Assert.True(first.IsExcluded("CHANGES.md"));
        Assert.False(first.IsExcluded("README.md"));
        Assert.True(first.IsExcluded("README-secret.md"));
        Assert.False(second.IsExcluded("README-secret.md"));
    }

    [Fact]
    public void An_excluded_directory_excludes_its_children_unless_an_exception_brings_one_back()
    {
        var matcher = Matcher("dir\n!dir/keep");

        Assert.True(matcher.IsExcluded("dir"));
        Assert.True(matcher.IsExcluded("dir/other/file"));
        Assert.False(matcher.IsExcluded("dir/keep"));
        Assert.False(matcher.IsExcluded("dir/keep/inner"));
        Assert.False(matcher.CanSkipDirectory("dir"));
        Assert.True(Matcher("dir").CanSkipDirectory("dir"));
    }

    [Fact]
    public void Only_an_exception_naming_the_directory_opens_an_excluded_directory()
    {
        // Podman's 070-build "COPY with ignore": subdir1 is walked (named by an exception),
        // subdir2 is skipped whole although "!*/sub1*" would match a child of it.
        var matcher = Matcher("subdir1\nsubdir2\n!*/sub1*\n!subdir1/sub3*");

        Assert.False(matcher.CanSkipDirectory("subdir1"));
        Assert.True(matcher.CanSkipDirectory("subdir2"));
        Assert.False(matcher.IsExcluded("subdir1/sub1"));
    }

    [Theory]
    [InlineData("[a-c].txt", "b.txt", true)]
    [InlineData("[!a-c].txt", "b.txt", false)]
    [InlineData("[!a-c].txt", "d.txt", true)]
    [InlineData("a\\*b", "a*b", true)]
    [InlineData("a\\*b", "axb", false)]
    [InlineData("file.(x)", "file.(x)", true)]
    [InlineData("**", "any/thing", true)]
    [InlineData("/leading/slash", "leading/slash/below", true)]
    public void Go_filepath_match_syntax(string pattern, string path, bool excluded)
    {
        Assert.Equal(excluded, Matcher(pattern).IsExcluded(path));
    }

    [Fact]
    public void The_ignore_file_next_to_the_containerfile_comes_first_dockerignore_before_containerignore()
    {
        var present = new HashSet<string>
        {
            "/ctx/Containerfile.containerignore", "/ctx/Containerfile.dockerignore",
            "/ctx/.containerignore", "/ctx/.dockerignore",
        };

        var chosen = IgnoreFile.Choose("/ctx", ["Containerfile"], null, present.Contains);
        present.Remove("/ctx/Containerfile.dockerignore");
        var second = IgnoreFile.Choose("/ctx", ["Containerfile"], null, present.Contains);
        present.Remove("/ctx/Containerfile.containerignore");
        var third = IgnoreFile.Choose("/ctx", ["/elsewhere/Dockerfile"], null, present.Contains);
        present.Remove("/ctx/.containerignore");
        var fourth = IgnoreFile.Choose("/ctx", ["Containerfile"], null, present.Contains);

        Assert.Equal("/ctx/Containerfile.dockerignore", chosen);
        Assert.Equal("/ctx/Containerfile.containerignore", second);
        Assert.Equal("/ctx/.containerignore", third);
        Assert.Equal("/ctx/.dockerignore", fourth);
        Assert.Equal("/x/ignore", IgnoreFile.Choose("/ctx", [], "/x/ignore", present.Contains));
        Assert.Null(IgnoreFile.Choose("/ctx", [], null, _ => false));
    }
}
