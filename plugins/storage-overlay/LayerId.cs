using Modular.Contracts.Errors;

namespace Modular.Plugins.Storage.Overlay;

/// <summary>Layer ids become directory names, so only plain names are accepted.</summary>
internal static class LayerId
{
    public static string Check(string id)
    {
        var plain = id.Length is > 0 and <= 128
            && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
            && id is not "." and not "..";
        return plain ? id : throw new InvalidInputException($"invalid layer id {Quoted.Of(id)}");
    }
}
