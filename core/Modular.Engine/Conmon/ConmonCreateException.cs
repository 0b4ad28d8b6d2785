namespace Modular.Engine.Conmon;

/// <summary>
/// The runtime refused to create the container; the message is the runtime's own text,
/// which the engine classifies with the runtime plugin into 125, 126 or 127.
/// </summary>
public sealed class ConmonCreateException(string message) : Exception(message);
