namespace Modular.Api.Http;

/// <summary>The JSON shapes a Go field accepts, as <see cref="GoStruct"/> checks them.</summary>
public enum GoKind
{
    String,
    Bool,
    Int,
    StringList,

    /// <summary>Docker's strslice: a string or a list of strings.</summary>
    StringOrList,
    StringMap,
    Object,
    List,
    Struct,
}
