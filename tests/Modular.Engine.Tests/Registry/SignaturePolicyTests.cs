using Modular.Contracts.Errors;
using Modular.Engine.Images;
using Modular.Engine.Registry;
using Xunit;

namespace Modular.Engine.Tests.Registry;

public sealed class SignaturePolicyTests : IDisposable
{
    private readonly string _file = Path.GetTempFileName();

    public void Dispose() => File.Delete(_file);

    [Fact]
    public void The_most_specific_scope_wins_over_the_registry_and_the_default()
    {
        var policy = Write("""
            {"default":[{"type":"reject"}],
             "transports":{"docker":{
               "reg.example":[{"type":"reject"}],
               "reg.example/team":[{"type":"insecureAcceptAnything"}],
               "reg.example/team/secret":[{"type":"reject"}]}}}
            """);

        policy.CheckDocker(ImageReference.Parse("reg.example/team/app:v1"));
        Assert.Throws<InvalidInputException>(
            () => policy.CheckDocker(ImageReference.Parse("reg.example/team/secret:v1")));
        Assert.Throws<InvalidInputException>(
            () => policy.CheckDocker(ImageReference.Parse("reg.example/other:v1")));
    }

    [Fact]
    public void A_rejected_image_is_named_as_containers_image_names_it()
    {
        var policy = Write("""{"default":[{"type":"reject"}]}""");

        var error = Assert.Throws<InvalidInputException>(
            () => policy.CheckDocker(ImageReference.Parse("reg.example/app:v1")));

        Assert.Equal(
            "Source image rejected: Running image docker://reg.example/app:v1 is rejected by policy.",
            error.Message);
    }

    [Fact]
    public void A_transport_default_scope_applies_before_the_global_default()
    {
        var policy = Write("""
            {"default":[{"type":"reject"}],
             "transports":{"docker":{"":[{"type":"insecureAcceptAnything"}]}}}
            """);

        policy.CheckDocker(ImageReference.Parse("reg.example/app:v1"));
        Assert.Throws<InvalidInputException>(() => policy.Check("oci-archive", "/tmp/a.tar", []));
    }

    [Fact]
    public void A_wildcard_scope_matches_a_subdomain()
    {
        var policy = Write("""
            {"default":[{"type":"reject"}],
             "transports":{"docker":{"*.example.com":[{"type":"insecureAcceptAnything"}]}}}
            """);

        policy.CheckDocker(ImageReference.Parse("reg.example.com/app:v1"));
    }

    [Fact]
    public void A_signature_requirement_fails_naming_the_type_instead_of_passing()
    {
        var policy = Write("""
            {"default":[{"type":"insecureAcceptAnything"}],
             "transports":{"docker":{"reg.example":[{"type":"signedBy","keyType":"GPGKeys","keyPath":"/k"}]}}}
            """);

        var error = Assert.Throws<InvalidInputException>(
            () => policy.CheckDocker(ImageReference.Parse("reg.example/app:v1")));

        Assert.Contains("\"signedBy\"", error.Message);
        Assert.Contains("docker://reg.example/app:v1", error.Message);
    }

    [Fact]
    public void A_policy_without_default_is_refused_naming_the_file()
    {
        File.WriteAllText(_file, "{}");

        var error = Assert.Throws<InvalidInputException>(() => SignaturePolicy.Load(_file));

        Assert.Contains(_file, error.Message);
    }

    private SignaturePolicy Write(string json)
    {
        File.WriteAllText(_file, json);
        return SignaturePolicy.Load(_file);
    }
}
