namespace EmergencyOps.Testing.BadInput;

/// <summary>One generated request that must be refused: what it changes, and the request itself.</summary>
public sealed record BadRequest(string Operation, string Mutation, HttpMethod Method, string Url, string? Body, IReadOnlyDictionary<string, string> Headers)
{
    public HttpRequestMessage ToHttp()
    {
        var request = new HttpRequestMessage(Method, Url);
        if (Body is not null)
        {
            request.Content = new StringContent(Body, System.Text.Encoding.UTF8, "application/json");
        }
        foreach (var (name, value) in Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        return request;
    }

    public override string ToString() => $"{Operation} [{Mutation}]";
}
