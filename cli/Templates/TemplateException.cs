namespace Modular.Cli.Templates;

/// <summary>A Go-template parse or execution failure; the message starts with "template: ".</summary>
public sealed class TemplateException(string message) : Exception(message);
