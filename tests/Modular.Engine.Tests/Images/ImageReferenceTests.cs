using Modular.Contracts.Errors;
using Modular.Engine.Images;
using Xunit;

namespace Modular.Engine.Tests.Images;

public sealed class ImageReferenceTests
{
    [Fact]
    public void An_uppercase_repository_is_refused_saying_it_must_be_lowercase()
    {
        var error = Assert.Throws<InvalidInputException>(() => ImageReference.Parse("localhost/Ref01App:v1"));

        Assert.Contains("repository name must be lowercase", error.Message);
        Assert.Contains("localhost/Ref01App:v1", error.Message);
    }

    [Fact]
    public void An_uppercase_tag_is_accepted()
    {
        var reference = ImageReference.Parse("localhost/ref01app:V1");

        Assert.Equal("localhost", reference.Domain);
        Assert.Equal("ref01app", reference.Path);
        Assert.Equal("V1", reference.Tag);
    }

    [Fact]
    public void A_registry_port_stays_in_the_repository_and_never_becomes_the_tag()
    {
        var reference = ImageReference.Parse("localhost:5000/team/ref03:20240101");

        Assert.Equal("localhost:5000", reference.Domain);
        Assert.Equal("localhost:5000/team/ref03", reference.Repository);
        Assert.Equal("20240101", reference.Tag);
    }

    [Fact]
    public void A_registry_port_without_a_tag_gets_latest()
    {
        var reference = ImageReference.Parse("127.0.0.1:5000/busybox").WithDefaultTag();

        Assert.Equal("127.0.0.1:5000/busybox:latest", reference.ToString());
    }

    [Theory]
    [InlineData("busybox", "localhost/busybox:latest")]
    [InlineData("ns/app", "localhost/ns/app:latest")]
    [InlineData("ns/app:v2", "localhost/ns/app:v2")]
    [InlineData("quay.io/ns/app", "quay.io/ns/app:latest")]
    public void A_short_name_is_stored_under_localhost_with_latest(string input, string stored)
    {
        Assert.Equal(stored, ImageLookup.StoredName(ImageReference.Parse(input)));
    }

    [Fact]
    public void A_first_component_without_dot_or_colon_is_part_of_the_path()
    {
        var reference = ImageReference.Parse("team/app:1");

        Assert.False(reference.IsFullyQualified);
        Assert.Equal("team/app", reference.Path);
    }

    [Fact]
    public void A_digest_reference_keeps_its_digest_and_gets_no_tag()
    {
        var digest = "sha256:" + new string('a', 64);

        var reference = ImageReference.Parse($"127.0.0.1:5000/app@{digest}").WithDefaultTag();

        Assert.Equal(digest, reference.Digest);
        Assert.Null(reference.Tag);
    }

    [Theory]
    [InlineData("")]
    [InlineData("app:")]
    [InlineData("app@sha256:abc")]
    [InlineData("-app")]
    public void A_malformed_reference_is_refused(string input)
    {
        Assert.Throws<InvalidInputException>(() => ImageReference.Parse(input));
    }

    [Fact]
    public void A_docker_hub_short_name_gets_library()
    {
        Assert.Equal("docker.io/library/busybox", ImageReference.Parse("busybox").Qualify("docker.io").Repository);
    }
}
