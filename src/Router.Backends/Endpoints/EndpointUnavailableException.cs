namespace Router.Backends.Endpoints;

/// <summary>An endpoint of the configuration cannot be used by this build (e.g. its provider kind is not supported yet).</summary>
public sealed class EndpointUnavailableException : Exception
{
    public EndpointUnavailableException()
    {
    }

    public EndpointUnavailableException(string message)
        : base(message)
    {
    }

    public EndpointUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
