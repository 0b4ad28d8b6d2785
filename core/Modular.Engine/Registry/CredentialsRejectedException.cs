using Modular.Contracts.Errors;

namespace Modular.Engine.Registry;

/// <summary>The registry (or its token server) answered 401 to the credentials we sent.</summary>
public sealed class CredentialsRejectedException(string message, Exception? inner = null)
    : ModularException(message, inner);
