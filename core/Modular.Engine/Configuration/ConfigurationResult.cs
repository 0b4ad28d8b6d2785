namespace Modular.Engine.Configuration;

/// <summary>
/// The options in force and the warnings met while reading them; the warnings are logged
/// once logging exists, which itself depends on the options.
/// </summary>
public sealed record ConfigurationResult(EngineOptions Options, IReadOnlyList<string> Warnings);
