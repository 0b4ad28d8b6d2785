using Modular.Contracts.Errors;
using Modular.Engine.Images.Transports;
using Xunit;

namespace Modular.Engine.Tests.Images.Transports;

public sealed class TransportReferenceTests
{
    [Theory]
    [InlineData("docker://quay.io/a/b:1", TransportKind.Docker, "", "quay.io/a/b:1")]
    [InlineData("docker-archive:/tmp/a.tar", TransportKind.DockerArchive, "/tmp/a.tar", null)]
    [InlineData("docker-archive:/tmp/a.tar:localhost/x:2", TransportKind.DockerArchive, "/tmp/a.tar", "localhost/x:2")]
    [InlineData("oci-archive:/tmp/o.tar:img", TransportKind.OciArchive, "/tmp/o.tar", "img")]
    [InlineData("oci:/tmp/layout", TransportKind.OciLayout, "/tmp/layout", null)]
    [InlineData("oci:/tmp/layout:v1", TransportKind.OciLayout, "/tmp/layout", "v1")]
    [InlineData("dir:/tmp/d:with:colons", TransportKind.Directory, "/tmp/d:with:colons", null)]
    [InlineData("containers-storage:localhost/x:1", TransportKind.ContainersStorage, "", "localhost/x:1")]
    public void Each_transport_splits_into_path_and_name_as_containers_image_does(
        string input,
        TransportKind kind,
        string path,
        string? name)
    {
        var reference = TransportReference.Parse(input);

        Assert.Equal(kind, reference.Kind);
        Assert.Equal(path, reference.Path);
        Assert.Equal(name, reference.Name);
        Assert.Equal(input, reference.ToString());
    }

    [Fact]
    public void An_unknown_transport_is_refused_with_podmans_words()
    {
        var error = Assert.Throws<InvalidInputException>(() => TransportReference.Parse("x-y:z"));

        Assert.Equal("Invalid image name \"x-y:z\", unknown transport \"x-y\"", error.Message);
    }

    [Fact]
    public void A_name_without_a_colon_is_refused_as_not_transport_colon_reference()
    {
        var error = Assert.Throws<InvalidInputException>(() => TransportReference.Parse("busybox"));

        Assert.Equal(
            "Invalid image name \"busybox\", expected colon-separated transport:reference",
            error.Message);
    }

    [Fact]
    public void Docker_without_slashes_is_refused()
    {
        var error = Assert.Throws<InvalidInputException>(() => TransportReference.Parse("docker:busybox"));

        Assert.Equal("docker: image reference busybox does not start with //", error.Message);
    }

    [Fact]
    public void A_docker_archive_index_selects_an_image()
    {
        var reference = TransportReference.Parse("docker-archive:/a.tar:@1");

        Assert.Equal(1, reference.Index);
        Assert.Null(reference.Name);
    }

    [Theory]
    [InlineData("localhost:5000/a/b", "localhost:5000/a/b")]
    [InlineData("docker:latest", "docker:latest")]
    [InlineData("busybox", "busybox")]
    [InlineData("docker://x/y", "x/y")]
    public void Without_a_known_transport_a_name_is_a_registry_reference(string input, string name)
    {
        var reference = TransportReference.ParseOrRegistry(input);

        Assert.Equal(TransportKind.Docker, reference.Kind);
        Assert.Equal(name, reference.Name);
    }

    [Fact]
    public void With_a_known_transport_the_name_keeps_it()
    {
        Assert.Equal(TransportKind.OciLayout, TransportReference.ParseOrRegistry("oci:/d").Kind);
        Assert.True(TransportReference.HasTransport("dir:/d"));
        Assert.False(TransportReference.HasTransport("localhost:5000/a"));
    }
}
