using EmergencyOps.Samples.Integrator.Rest.Warnings;
using EmergencyOps.Samples.Integrator.Rest.Warnings.Models;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;

namespace EmergencyOps.Samples.Integrator.Rest;

/// <summary>
/// What the sample integrator asks the warnings service over REST, through the Kiota client: the full warning behind an
/// event (its area, instruction and versions), and the active warnings of a district when it starts.
/// </summary>
public sealed class WarningLookup
{
    private readonly WarningsClient _client;

    /// <param name="http">A client whose base address is the gateway and which sends the integrator's token (a handler adds it).</param>
    public WarningLookup(HttpClient http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var adapter = new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: http)
        {
            BaseUrl = http.BaseAddress?.ToString().TrimEnd('/'),
        };
        _client = new WarningsClient(adapter);
    }

    /// <summary>The warning, or null when there is none with that id.</summary>
    public async Task<WarningResponse?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        try
        {
            return await _client.Api.Warnings[id].GetAsync(cancellationToken: cancellationToken);
        }
        catch (Microsoft.Kiota.Abstractions.ApiException missing) when (missing.ResponseStatusCode == 404)
        {
            return null;
        }
    }

    /// <summary>The first page of the warnings of a district (GB/T 2260), newest first.</summary>
    public async Task<IReadOnlyList<WarningSummary>> OfDistrictAsync(string district, CancellationToken cancellationToken = default)
    {
        var page = await _client.Api.Warnings.GetAsync(r => r.QueryParameters.District = district, cancellationToken);
        return page?.Data ?? [];
    }
}
