using System.Text.Json;
using EmergencyOps.ServiceDefaults.Input;

namespace EmergencyOps.ServiceDefaults.Tests;

public enum Colour
{
    Blue,
    Orange,
}

public sealed record Area(IReadOnlyList<string>? DistrictCodes, double? RadiusKm);

public sealed record Registration(string? Name, double? UsableArea, Colour? Level, IReadOnlyList<Area>? Areas, int? Capacity);

/// <summary>The JSON every API reads and writes: what it refuses, with the property it names, and what it leaves out when writing.</summary>
public sealed class JsonRulesTests
{
    private static readonly JsonSerializerOptions Options = Create();

    [Theory]
    [InlineData("""{"name":"a\u0000b"}""", "name", "U+0000")]
    [InlineData("""{"name":"a\u0007b"}""", "name", "U+0007")]
    [InlineData("""{"name":"a\u0085b"}""", "name", "U+0085")]
    [InlineData("""{"usableArea":1e309}""", "usableArea", "finite")]
    [InlineData("""{"usableArea":-1e309}""", "usableArea", "finite")]
    [InlineData("""{"areas":[{"districtCodes":["310115",null]}]}""", "districtCodes", "Item 1 is null")]
    [InlineData("""{"areas":[null]}""", "areas", "Item 0 is null")]
    public void Values_no_request_may_carry_are_refused_naming_the_property(string json, string property, string reason)
    {
        var refused = Assert.Throws<JsonRuleException>(() => JsonSerializer.Deserialize<Registration>(json, Options));

        Assert.Equal(property, refused.Property);
        Assert.Contains(reason, refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"usableArea":"12"}""")]
    [InlineData("""{"usableArea":"Infinity"}""")]
    [InlineData("""{"level":2}""")]
    [InlineData("""{"level":"2"}""")]
    [InlineData("""{"level":"purple"}""")]
    [InlineData("""{"level":"blue,orange"}""")]
    [InlineData("""{"level":"orange\t"}""")]
    [InlineData("""{"level":" orange"}""")]
    [InlineData("""{"level":""}""")]
    [InlineData("""{"name":"a","name":"b"}""")]
    [InlineData("""{"capacity":2147483648}""")]
    [InlineData("""{"name":"\ud800"}""")]
    public void Numbers_as_text_enums_as_numbers_and_repeated_keys_do_not_bind(string json) =>
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<Registration>(json, Options));

    [Theory]
    [InlineData("orange")]
    [InlineData("Orange")]
    [InlineData("ORANGE")]
    public void An_enum_binds_by_its_name_in_any_case(string name) =>
        Assert.Equal(Colour.Orange, JsonSerializer.Deserialize<Registration>($$"""{"level":"{{name}}"}""", Options)!.Level);

    [Fact]
    public void A_comma_list_of_names_is_refused_naming_the_names_allowed()
    {
        var refused = Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<Registration>("""{"level":"blue,orange"}""", Options));

        Assert.Contains("Expected one of: blue, orange.", refused.Message, StringComparison.Ordinal);
        Assert.Equal("$.level", refused.Path);
    }

    [Fact]
    public void Valid_text_with_line_breaks_emoji_and_Chinese_binds_unchanged()
    {
        var read = JsonSerializer.Deserialize<Registration>("""{"name":"浦东\t新区\n😀","usableArea":4200.5,"level":"orange","areas":[{"districtCodes":["310115"]}]}""", Options)!;

        Assert.Equal(("浦东\t新区\n😀", 4200.5, Colour.Orange), (read.Name, read.UsableArea, read.Level));
        Assert.Equal(["310115"], read.Areas![0].DistrictCodes);
    }

    [Fact]
    public void A_stored_value_JSON_cannot_express_is_left_out_instead_of_failing_the_response()
    {
        var written = JsonSerializer.Serialize(new Registration("仓库", double.PositiveInfinity, (Colour)42, [new Area(["310115"], double.NaN)], 10), Options);

        var read = JsonDocument.Parse(written).RootElement;
        Assert.Equal(["name", "areas", "capacity"], read.EnumerateObject().Select(p => p.Name));
        Assert.Equal("仓库", read.GetProperty("name").GetString());
        Assert.Equal(["districtCodes"], read.GetProperty("areas")[0].EnumerateObject().Select(p => p.Name));
    }

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        StrictJson.Apply(options);
        return options;
    }
}
