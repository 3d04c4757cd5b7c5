using Router.Backends.Providers;
using Router.Core.Configuration;

namespace Router.Backends.Endpoints;

/// <summary>Gives the provider that talks to a configured endpoint; a seam so tests can serve every endpoint from one fake.</summary>
public interface IModelProviderSource
{
    /// <summary>The provider for <paramref name="endpoint"/>; throws <see cref="EndpointUnavailableException"/> when none can serve it.</summary>
    IModelProvider ProviderFor(EndpointConfig endpoint);
}
