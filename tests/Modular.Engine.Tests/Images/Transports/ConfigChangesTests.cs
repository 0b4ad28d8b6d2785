using Modular.Contracts.Errors;
using Modular.Engine.Images.Transports;
using Xunit;

namespace Modular.Engine.Tests.Images.Transports;

public sealed class ConfigChangesTests
{
    [Fact]
    public void Changes_build_the_config_in_oci_key_order_with_podmans_forms()
    {
        var config = ConfigChanges.Apply(
        [
            "CMD echo hi", "ENTRYPOINT [\"/bin/sh\"]", "ENV A=\"quoted\"", "EXPOSE 53/UDP", "EXPOSE 80",
            "LABEL b=2", "LABEL a=1", "USER nobody", "WORKDIR /a", "WORKDIR b", "VOLUME /v /w", "STOPSIGNAL TERM",
        ]);

        Assert.Equal(
            "{\"User\":\"nobody\",\"ExposedPorts\":{\"53/udp\":{},\"80/tcp\":{}},\"Env\":[\"A=quoted\"],"
            + "\"Entrypoint\":[\"/bin/sh\"],\"Cmd\":[\"/bin/sh\",\"-c\",\"echo hi\"],\"Volumes\":{\"/v\":{},\"/w\":{}},"
            + "\"WorkingDir\":\"/a/b\",\"Labels\":{\"a\":\"1\",\"b\":\"2\"},\"StopSignal\":\"15\"}",
            config.ToJsonString());
    }

    [Theory]
    [InlineData("NOPE x", "invalid change \"NOPE x\" - invalid instruction NOPE")]
    [InlineData("CMD", "invalid change \"CMD\" - must be formatted as KEY VALUE")]
    [InlineData("EXPOSE 70000", "invalid change \"EXPOSE 70000\" - EXPOSE port must be a valid port number")]
    [InlineData("EXPOSE 80/sctp", "invalid change \"EXPOSE 80/sctp\" - EXPOSE protocol must be TCP or UDP")]
    [InlineData("LABEL novalue", "invalid change \"LABEL novalue\" - LABEL must be formatted key=value")]
    public void A_bad_change_is_refused_with_podmans_words(string change, string message)
    {
        var error = Assert.Throws<InvalidInputException>(() => ConfigChanges.Apply([change]));

        Assert.Equal(message, error.Message);
    }
}
