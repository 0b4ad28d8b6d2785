namespace Modular.Plugins.Network.Cni;

/// <summary>What a helper program printed and how it exited.</summary>
internal sealed record ProgramResult(int ExitCode, string StandardOutput, string StandardError);
