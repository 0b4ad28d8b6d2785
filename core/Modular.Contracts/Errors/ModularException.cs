namespace Modular.Contracts.Errors;

/// <summary>
/// The base of every failure the engine or a plugin reports to a user. The CLI maps the
/// type to an exit code in one place; the message is the user's one-line <c>Error:</c>.
/// </summary>
public abstract class ModularException : Exception
{
    protected ModularException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}

/// <summary>An object named by the user does not exist (rm-like commands exit 1).</summary>
public sealed class NotFoundException(string message, Exception? inner = null)
    : ModularException(message, inner);

/// <summary>A name or object already exists.</summary>
public sealed class AlreadyExistsException(string message, Exception? inner = null)
    : ModularException(message, inner);

/// <summary>Bad input: a flag value, a reference, an archive or layer that is refused.</summary>
public sealed class InvalidInputException(string message, Exception? inner = null)
    : ModularException(message, inner);

/// <summary>The object is in a state that forbids the operation, e.g. running (exit 2 for rm).</summary>
public sealed class WrongStateException(string message, Exception? inner = null)
    : ModularException(message, inner);

/// <summary>The host lacks something the operation needs: a capability, a kernel feature.</summary>
public sealed class CapabilityMissingException(string message, Exception? inner = null)
    : ModularException(message, inner);

/// <summary>The container's command exists but cannot be invoked (exit 126).</summary>
public sealed class CannotInvokeException(string message, Exception? inner = null)
    : ModularException(message, inner);

/// <summary>The container's command was not found (exit 127).</summary>
public sealed class CommandNotFoundException(string message, Exception? inner = null)
    : ModularException(message, inner);

/// <summary>A backend failed; the engine wraps it adding the plugin's kind and id.</summary>
public sealed class BackendException(string message, Exception? inner = null)
    : ModularException(message, inner);
