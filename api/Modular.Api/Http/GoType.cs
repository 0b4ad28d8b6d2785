namespace Modular.Api.Http;

/// <summary>A Go field's type: its JSON shape and the name Go's errors give it.</summary>
public sealed record GoType(GoKind Kind, string? GoName = null, GoStruct? Inner = null)
{
    public static readonly GoType String = new(GoKind.String);
    public static readonly GoType Bool = new(GoKind.Bool);
    public static readonly GoType Int64 = new(GoKind.Int);
    public static readonly GoType Int = new(GoKind.Int, "int");
    public static readonly GoType Strings = new(GoKind.StringList);
    public static readonly GoType StrSlice = new(GoKind.StringOrList, "strslice.StrSlice");
    public static readonly GoType StringMap = new(GoKind.StringMap);

    public static GoType StringList(string? goName) => new(GoKind.StringList, goName);

    public static GoType Object(string goName) => new(GoKind.Object, goName);

    public static GoType List(string goName) => new(GoKind.List, goName);

    public static GoType Struct(GoStruct inner, string? goName = null) => new(GoKind.Struct, goName, inner);
}
