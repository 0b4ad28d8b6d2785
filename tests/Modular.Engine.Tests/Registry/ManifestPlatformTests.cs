using System.Text;
using Modular.Contracts.Errors;
using Modular.Engine.Registry;
using Xunit;

namespace Modular.Engine.Tests.Registry;

public sealed class ManifestPlatformTests
{
    private static readonly string AmdDigest = "sha256:" + new string('1', 64);
    private static readonly string ArmDigest = "sha256:" + new string('2', 64);
    private static readonly string Arm7Digest = "sha256:" + new string('3', 64);

    private static Manifest List() => Manifest.Parse(Encoding.UTF8.GetBytes($$$"""
        {"schemaVersion":2,"mediaType":"{{{MediaTypes.DockerManifestList}}}","manifests":[
          {"mediaType":"{{{MediaTypes.DockerManifest}}}","digest":"{{{AmdDigest}}}","size":1,
           "platform":{"os":"linux","architecture":"amd64"}},
          {"mediaType":"{{{MediaTypes.DockerManifest}}}","digest":"{{{Arm7Digest}}}","size":1,
           "platform":{"os":"linux","architecture":"arm","variant":"v7"}},
          {"mediaType":"{{{MediaTypes.DockerManifest}}}","digest":"{{{ArmDigest}}}","size":1,
           "platform":{"os":"linux","architecture":"arm64"}}]}
        """), "");

    [Fact]
    public void Arm64_v8_selects_the_arm64_entry_that_declares_no_variant()
    {
        var chosen = List().Choose(Platform.Parse("linux/arm64/v8"));

        Assert.Equal(ArmDigest, chosen.Digest);
    }

    [Fact]
    public void An_explicit_arch_wins_over_the_host_architecture()
    {
        var chosen = List().Choose(Platform.Parse("linux/arm64"));

        Assert.Equal(ArmDigest, chosen.Digest);
    }

    [Fact]
    public void Linux_amd64_selects_the_amd64_entry()
    {
        var chosen = List().Choose(Platform.Parse("linux/amd64"));

        Assert.Equal(AmdDigest, chosen.Digest);
    }

    [Fact]
    public void Aarch64_is_understood_as_arm64()
    {
        Assert.Equal(Platform.Parse("linux/arm64/v8"), Platform.Normalise("linux", "aarch64", null));
    }

    [Fact]
    public void A_platform_missing_from_the_list_is_an_error_naming_it()
    {
        var error = Assert.Throws<NotFoundException>(() => List().Choose(Platform.Parse("linux/s390x")));

        Assert.Contains("architecture s390x", error.Message);
        Assert.Contains("OS linux", error.Message);
    }

    [Fact]
    public void A_schema1_manifest_is_refused()
    {
        var body = Encoding.UTF8.GetBytes("{\"schemaVersion\":1,\"name\":\"x\"}");

        Assert.Throws<InvalidInputException>(() => Manifest.Parse(body, MediaTypes.DockerSchema1Signed));
    }

    [Fact]
    public void An_oci_manifest_without_a_media_type_field_is_read_from_its_shape()
    {
        var body = Encoding.UTF8.GetBytes(
            $"{{\"schemaVersion\":2,\"config\":{{\"digest\":\"{AmdDigest}\",\"size\":2}},\"layers\":[]}}");

        var manifest = Manifest.Parse(body, "");

        Assert.Equal(MediaTypes.OciManifest, manifest.MediaType);
        Assert.Equal(AmdDigest, manifest.Config!.Digest);
    }
}
