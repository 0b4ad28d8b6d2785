namespace Modular.Engine.Containers.Top;

/// <summary>One <c>top</c> column: its names (AIX code and normal name), header and value.</summary>
public sealed record ProcessDescriptor(
    string Normal,
    string? Code,
    string Header,
    Func<ProcessSample, ProcessContext, string> Value);
