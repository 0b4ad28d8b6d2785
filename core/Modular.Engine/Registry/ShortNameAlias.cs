namespace Modular.Engine.Registry;

/// <summary>One entry of an <c>[aliases]</c> table and the file that defined it.</summary>
/// <param name="Name">The short name, such as <c>busybox</c> or <c>ns/app</c>.</param>
/// <param name="Value">The fully-qualified repository it stands for, without tag.</param>
public sealed record ShortNameAlias(string Name, string Value, string Origin);
