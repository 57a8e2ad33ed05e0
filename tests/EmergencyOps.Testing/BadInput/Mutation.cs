namespace EmergencyOps.Testing.BadInput;

/// <summary>
/// One way to break a valid request, at one place of it: a query parameter (<c>?name</c>), a path parameter
/// (<c>{name}</c>), a body property (<c>$.area.polygon</c>), the whole body (<c>body</c>) or its media type
/// (<c>content-type</c>). <see cref="Alone"/> is false for a change a service may rightly accept on its own (an unknown
/// property is ignored, as clients of a newer contract expect), which is only sent beside a breaking one.
/// </summary>
public sealed record Mutation(string Place, string Label, Action<RequestDraft> Apply, bool Alone = true)
{
    /// <summary>Whether both may break one request and each still be the one it says: different places, neither inside the other.</summary>
    public bool Combines(Mutation other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (Place == other.Place)
        {
            return false;
        }
        if (Place == "body" || other.Place == "body")
        {
            return !(Place.StartsWith('$') || other.Place.StartsWith('$'));
        }
        return !Inside(Place, other.Place) && !Inside(other.Place, Place);
    }

    private static bool Inside(string inner, string outer) =>
        inner.StartsWith('$') && outer.StartsWith('$') && inner.Length > outer.Length
        && inner.StartsWith(outer, StringComparison.Ordinal) && inner[outer.Length] is '.' or '[';
}

/// <summary>A request being broken: its path and query values, the edits to its example body or a body of its own, its media type.</summary>
public sealed class RequestDraft(IReadOnlyDictionary<string, string> path, IReadOnlyDictionary<string, string> query)
{
    public Dictionary<string, string> Path { get; } = new(path);

    public Dictionary<string, string> Query { get; } = new(query);

    public List<BodyEdit> Edits { get; } = [];

    public string? WholeBody { get; set; }

    public string? ContentType { get; set; } = "application/json";
}
