namespace Modular.EndToEnd.Fixtures;

/// <summary>What a user sees from one modpod command.</summary>
public sealed record ModpodResult(int ExitCode, string StandardOutput, string StandardError)
{
    public string Output => StandardOutput.Trim();

    public IReadOnlyList<string> Lines =>
        StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public IReadOnlyList<string> ErrorLines =>
        StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public override string ToString() =>
        $"exit {ExitCode}\nstdout: {StandardOutput}\nstderr: {StandardError}";
}
