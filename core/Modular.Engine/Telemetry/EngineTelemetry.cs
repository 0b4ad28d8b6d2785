using System.Diagnostics;

namespace Modular.Engine.Telemetry;

/// <summary>
/// The activity source for user operations. Each command (pull, run, rm ...) is one
/// activity, so an exporter sees one trace per operation. The BCL's ActivitySource costs
/// nothing while no listener is attached, which is the CLI's case; the API service will
/// attach OpenTelemetry (with its Prometheus exporter) to this source by name.
/// </summary>
public static class EngineTelemetry
{
    public const string SourceName = "Modular";

    public static ActivitySource Source { get; } = new(SourceName, "0.1");
}
