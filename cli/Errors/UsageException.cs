namespace Modular.Cli.Errors;

/// <summary>A mistake in how the command was typed: a bad flag, value or argument (exit 125).</summary>
public sealed class UsageException(string message) : Exception(message);
