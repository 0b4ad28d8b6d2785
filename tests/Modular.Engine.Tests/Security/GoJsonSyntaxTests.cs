using System.Text;
using Modular.Engine.Security;
using Xunit;

namespace Modular.Engine.Tests.Security;

/// <summary>Go's encoding/json syntax errors, as Podman prints them for a bad file.</summary>
public sealed class GoJsonSyntaxTests
{
    [Theory]
    [InlineData("{bad}", "invalid character 'b' looking for beginning of object key string")]
    [InlineData("", "unexpected end of JSON input")]
    [InlineData("{\"a\": 1", "unexpected end of JSON input")]
    [InlineData("{\"a\" 1}", "invalid character '1' after object key")]
    [InlineData("{\"a\": 1 \"b\": 2}", "invalid character '\"' after object key:value pair")]
    [InlineData("[1 2]", "invalid character '2' after array element")]
    [InlineData("{\"a\": tru}", "invalid character '}' in literal true (expecting 'e')")]
    [InlineData("{\"a\": -x}", "invalid character 'x' in numeric literal")]
    [InlineData("{\"a\": 1.}", "invalid character '}' after decimal point in numeric literal")]
    [InlineData("{\"a\": \"\\q\"}", "invalid character 'q' in string escape code")]
    [InlineData("{} x", "invalid character 'x' after top-level value")]
    [InlineData("{\"a\": }", "invalid character '}' looking for beginning of value")]
    [InlineData("{'a': 1}", "invalid character '\\'' looking for beginning of object key string")]
    public void Names_the_first_fault_in_gos_words(string json, string expected) =>
        Assert.Equal(expected, GoJsonSyntax.Check(Encoding.UTF8.GetBytes(json)));

    [Theory]
    [InlineData("{\"defaultAction\": \"SCMP_ACT_ERRNO\", \"syscalls\": [{\"names\": [\"a\"], \"n\": -1.5e+3}]}")]
    [InlineData(" null ")]
    [InlineData("{\"u\": \"\\u00e9\\n\"}")]
    public void Accepts_valid_json(string json) =>
        Assert.Null(GoJsonSyntax.Check(Encoding.UTF8.GetBytes(json)));
}
