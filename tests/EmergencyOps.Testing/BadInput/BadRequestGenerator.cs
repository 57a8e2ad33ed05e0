using System.Text.Json;
using System.Text.Json.Nodes;

namespace EmergencyOps.Testing.BadInput;

/// <summary>How a corpus is drawn: the seed, and how many requests per operation break two places at once.</summary>
public sealed record BadInputOptions(int Seed, int Combinations)
{
    /// <summary>The seed from the environment, and a few combinations: enough for a service's own tests.</summary>
    public static BadInputOptions Default => new(BadInputSeed.Current, 6);
}

/// <summary>
/// Generates, from a service's OpenAPI document, requests that every operation must refuse: each takes a valid
/// starting point (the operation's request example completed from its schema, real path values from the test) and
/// breaks one thing in it (<see cref="OperationMutations"/>), then, drawn from the seed, two things at once, and an
/// unknown property beside a broken one. In document order, and the same requests for the same seed.
/// </summary>
public sealed class BadRequestGenerator(JsonElement document, Func<string, string, string?> pathValue, BadInputOptions? options = null)
{
    private const int MaxUrl = 8_000;
    private readonly SchemaReader _schemas = new(document);
    private readonly BadInputOptions _options = options ?? BadInputOptions.Default;

    public int Seed => _options.Seed;

    public IEnumerable<(string Operation, IReadOnlyList<BadRequest> Requests)> Generate(string prefix)
    {
        foreach (var path in document.GetProperty("paths").EnumerateObject().Where(p => p.Name.StartsWith(prefix, StringComparison.Ordinal)))
        {
            foreach (var op in path.Value.EnumerateObject().Where(o => o.Name is "get" or "post" or "put" or "delete"))
            {
                var name = $"{op.Name.ToUpperInvariant()} {path.Name}";
                yield return (name, [.. ForOperation(name, new HttpMethod(op.Name.ToUpperInvariant()), path.Name, op.Value)]);
            }
        }
    }

    private IEnumerable<BadRequest> ForOperation(string name, HttpMethod method, string template, JsonElement operation)
    {
        var random = BadInputSeed.For(_options.Seed, name);
        var parameters = operation.TryGetProperty("parameters", out var ps) ? ps.EnumerateArray().ToList() : [];
        var inPath = parameters.Where(p => p.GetProperty("in").GetString() == "path").ToList();
        var pathValues = inPath.ToDictionary(p => Name(p), p => pathValue(template, Name(p)) ?? SchemaReader.Plausible(_schemas.ParameterSchema(p)));
        var query = parameters.Where(p => p.GetProperty("in").GetString() == "query").ToList();
        var baseQuery = query.Where(p => p.TryGetProperty("required", out var r) && r.GetBoolean())
            .ToDictionary(p => Name(p), p => SchemaReader.Plausible(_schemas.ParameterSchema(p)));
        var body = operation.TryGetProperty("requestBody", out var rb) && rb.GetProperty("content").TryGetProperty("application/json", out var json) ? json : (JsonElement?)null;
        var bodySchema = body is { } b && b.TryGetProperty("schema", out var bs) ? _schemas.Resolve(bs) : default;
        var example = body is null ? null
            : new JsonBodies(_schemas).Complete(JsonNode.Parse(body.Value.TryGetProperty("example", out var e) ? e.GetRawText() : "{}"), bodySchema);
        var exampleText = example?.ToJsonString();

        var catalog = new OperationMutations(_schemas, random);
        var mutations = catalog.Query(query).Concat(catalog.Path(inPath, pathValues)).ToList();
        if (example is not null && exampleText is not null)
        {
            var required = rb.TryGetProperty("required", out var r) && r.GetBoolean();
            mutations.AddRange(OperationMutations.WholeBody(exampleText, required));
            mutations.AddRange(catalog.Properties(example, bodySchema));
        }

        BadRequest Make(params Mutation[] applied)
        {
            var draft = new RequestDraft(pathValues, baseQuery);
            foreach (var mutation in applied)
            {
                mutation.Apply(draft);
            }
            var text = draft.WholeBody ?? (example is null ? null : draft.Edits.Count == 0 ? exampleText : BodyEdit.Apply(example, draft.Edits));
            return new(name, string.Join(" + ", applied.Select(m => m.Label)), method, Url(template, draft.Path, draft.Query), text,
                new Dictionary<string, string> { ["Idempotency-Key"] = random.NextGuid().ToString() })
            { ContentType = draft.ContentType, Seed = _options.Seed };
        }

        var alone = mutations.Where(m => m.Alone).ToList();
        foreach (var mutation in alone)
        {
            yield return Make(mutation);
        }
        foreach (var (first, second) in Pairs(random, alone, mutations.Where(m => !m.Alone).ToList()))
        {
            // Two long query values make a request line over Kestrel's 8 KB, refused with a bare 414 before any code of
            // ours runs: a limit of the server, not of the service under test.
            if (Make(first, second) is { Url.Length: <= MaxUrl } request)
            {
                yield return request;
            }
        }
    }

    // Drawn from the seed: pairs of breaking mutations, and about a quarter of them an unknown property beside a breaking one.
    private IEnumerable<(Mutation, Mutation)> Pairs(Random random, List<Mutation> alone, List<Mutation> extras)
    {
        var seen = new HashSet<(int, int)>();
        for (int made = 0, tries = 0; made < _options.Combinations && alone.Count > 0 && tries < _options.Combinations * 20; tries++)
        {
            var useExtra = extras.Count > 0 && random.Next(4) == 0;
            var (i, j) = (random.Next(alone.Count), useExtra ? -1 - random.Next(extras.Count) : random.Next(alone.Count));
            var (first, second) = (alone[i], j < 0 ? extras[-1 - j] : alone[j]);
            if (first.Combines(second) && seen.Add((Math.Min(i, j), Math.Max(i, j))))
            {
                made++;
                yield return (first, second);
            }
        }
    }

    private static string Name(JsonElement parameter) => parameter.GetProperty("name").GetString()!;

    private static string Url(string template, Dictionary<string, string> path, Dictionary<string, string> query)
    {
        var url = path.Aggregate(template, (t, p) => t.Replace("{" + p.Key + "}", Uri.EscapeDataString(p.Value), StringComparison.Ordinal));
        return query.Count == 0 ? url : url + "?" + string.Join("&", query.Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value)}"));
    }
}
