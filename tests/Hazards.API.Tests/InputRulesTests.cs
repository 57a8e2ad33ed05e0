using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EmergencyOps.Contracts.Hazards;
using EmergencyOps.ServiceDefaults;
using EmergencyOps.ServiceDefaults.Input;
using EmergencyOps.Testing;
using Hazards.API.Apis;
using Hazards.API.Model;
using static Hazards.API.Tests.HazardTestData;

namespace Hazards.API.Tests;

/// <summary>
/// The registry's reproductions of issue #12: each bad input is a 400 whose <c>errors</c> name the field, and nothing of
/// it is stored or published; concurrent revisions are numbered without gaps and never a 500.
/// </summary>
public sealed class InputRulesTests(HazardsFactory factory) : IClassFixture<HazardsFactory>, IAsyncLifetime
{
    private const string AceticAcid = "64-19-7"; // not in the catalogue: a refused PUT must leave it absent

    private MessageRecorder _bus = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _client = factory.CreateClient();
        await ServiceChecks.AssertReadyAsync(_client);
        _bus = await new MessageRecorder(factory.EntityPrefix).Record<MajorHazardSourceClassified>().StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _bus.DisposeAsync();
        _client.Dispose();
    }

    private static PutChemicalRequest AceticAcidEntry() => new(
        "UN2789", "乙酸", "Acetic acid", ["flammable-liquids:3", "skin-corrosion-irritation:1A"], ["GHS02", "GHS05"], Ghs.Danger,
        ["H226", "H314"], 500m, ["W5.3"], null);

    [Theory]
    [InlineData("hazardStatements")]
    [InlineData("hazardClasses")]
    [InlineData("pictograms")]
    [InlineData("categories")]
    public async Task A_null_in_a_chemical_list_is_a_400_naming_it_and_stores_nothing(string field)
    {
        var body = Body(AceticAcidEntry());
        body[field] = JsonNode.Parse("[null]");

        using var response = await SendAsync(HttpMethod.Put, $"/api/hazards/chemicals/{AceticAcid}", body);

        await response.FieldProblemAsync(field);
        using var read = await _client.GetAsync($"/api/hazards/chemicals/{AceticAcid}");
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
    }

    [Theory]
    [InlineData("label", "hazardStatements")]
    [InlineData("label", "precautionaryStatements")]
    [InlineData("label", "pictograms")]
    [InlineData("sds", "sections")]
    public async Task A_null_in_a_label_or_SDS_list_is_a_400_naming_it_and_stores_nothing(string part, string field)
    {
        var enterprise = await _client.RegisterAsync();
        var code = (await _client.RegisterProductAsync(enterprise.Id)).Code;
        var product = Body(Product());
        product[part]![field] = JsonNode.Parse("[null]");
        var revision = Body(part == "label" ? HazardExamples.Label : HazardExamples.Sds);
        revision[field] = JsonNode.Parse("[null]");

        using var registered = await SendAsync(HttpMethod.Post, $"/api/hazards/enterprises/{enterprise.Id}/products", product);
        using var revised = await SendAsync(HttpMethod.Put, $"/api/hazards/codes/{code}/{part}", revision);

        await registered.FieldProblemAsync($"{part}.{field}");
        await revised.FieldProblemAsync(field);
        Assert.Equal([code], await ProductCodesAsync(enterprise.Id));
        Assert.Equal(1, (await _client.GetFromJsonAsync<JsonElement>($"/api/hazards/codes/{code}/{part}/history", Json)).GetArrayLength());
    }

    [Theory]
    [InlineData("sds")]
    [InlineData("label")]
    public async Task Concurrent_revisions_of_one_code_are_200s_or_409s_and_numbered_without_gaps(string part)
    {
        var enterprise = await _client.RegisterAsync();
        var code = (await _client.RegisterProductAsync(enterprise.Id)).Code;

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(async i =>
        {
            using var response = part == "sds"
                ? await _client.PutAsJsonAsync($"/api/hazards/codes/{code}/sds", new SdsRequest([.. HazardExamples.Sds.Sections!.Select(s => s with { Content = $"{s.Content} (rev {i})" })]), Json)
                : await _client.PutAsJsonAsync($"/api/hazards/codes/{code}/label", HazardExamples.Label with { Supplier = $"供应商 {i}" }, Json);
            return response.StatusCode;
        }));

        Assert.All(answers, s => Assert.Contains(s, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));
        var history = await _client.GetFromJsonAsync<JsonElement>($"/api/hazards/codes/{code}/{part}/history", Json);
        var revisions = history.EnumerateArray().Select(r => r.GetProperty("revision").GetInt32()).ToList();
        var accepted = answers.Count(s => s == HttpStatusCode.OK);
        Assert.Equal(Enumerable.Range(1, accepted + 1).Reverse(), revisions);
    }

    [Fact]
    public async Task A_unit_of_9_2e18_tonnes_is_a_400_naming_the_quantity_and_stores_and_publishes_nothing()
    {
        var enterprise = await _client.RegisterAsync();

        using var response = await _client.PostAsJsonAsync($"/api/hazards/enterprises/{enterprise.Id}/units", Unit(10, (Chlorine, 9.2e18m)), Json);

        await response.FieldProblemAsync("substances[0].maxTonnes");
        var report = await _client.GetFromJsonAsync<EnterpriseMajorHazards>($"/api/hazards/enterprises/{enterprise.Id}/major-hazards", Json);
        Assert.Empty(report!.Units);
        // A real source declared after it is published; the refused one never was.
        var valid = await _client.DeclareAsync(enterprise.Id, Unit(10, (Chlorine, 10m)));
        await _bus.WaitForAsync<MajorHazardSourceClassified>(e => e.UnitId == valid.UnitId);
        Assert.Equal([valid.UnitId], _bus.Received<MajorHazardSourceClassified>().Where(e => e.Message.EnterpriseId == enterprise.Id).Select(e => e.Message.UnitId));
    }

    public static TheoryData<string, UnitRequest> AbsurdUnits => new()
    {
        { "peopleOutside", Unit(20_000_000, (Chlorine, 10m)) },
        { "peopleOutside", Unit(-1, (Chlorine, 10m)) },
        { "substances[0].maxTonnes", Unit(10, (Chlorine, 1_000_001m)) },
        { "substances", Unit(10, [.. Enumerable.Range(0, HazardLimits.MaxSubstances + 1).Select(_ => (Chlorine, 1m))]) },
        { "kind", Unit(10, (Chlorine, 10m)) with { Kind = "1" } },
        { "kind", Unit(10, (Chlorine, 10m)) with { Kind = "store,tankFarm" } },
        { "name", Unit(10, (Chlorine, 10m)) with { Name = "\u200B\u200B" } },
        { "name", Unit(10, (Chlorine, 10m)) with { Name = new string('罐', HazardLimits.NameLength + 1) } },
    };

    [Theory]
    [MemberData(nameof(AbsurdUnits))]
    public async Task Absurd_units_are_400s_naming_the_field_and_store_nothing(string field, UnitRequest unit)
    {
        var enterprise = await _client.RegisterAsync();

        using var response = await _client.PostAsJsonAsync($"/api/hazards/enterprises/{enterprise.Id}/units", unit, Json);

        await response.FieldProblemAsync(field);
        Assert.Empty((await _client.GetFromJsonAsync<EnterpriseMajorHazards>($"/api/hazards/enterprises/{enterprise.Id}/major-hazards", Json))!.Units);
    }

    [Theory]
    [InlineData("/api/hazards/tables/gb18218/categories/W2", """{"description":"易燃气体","criticalQuantity":9.2e18,"beta":1.5}""", "criticalQuantity")]
    [InlineData("/api/hazards/tables/gb18218/categories/W2", """{"description":"易燃气体","criticalQuantity":10,"beta":9.2e18}""", "beta")]
    [InlineData("/api/hazards/tables/gb18218/categories/W2", """{"description":"易燃气体","criticalQuantity":10,"beta":0.5}""", "beta")]
    [InlineData("/api/hazards/tables/gb18218/categories/W2", """{"description":"a\u0000b","criticalQuantity":10,"beta":1.5}""", "description")]
    [InlineData("/api/hazards/tables/gb18218/alpha-bands", """{"bands":[{"minPeople":0,"alpha":9.2e18}]}""", "bands[0].alpha")]
    [InlineData("/api/hazards/tables/gb18218/alpha-bands", """{"bands":[{"minPeople":0,"alpha":0.1}]}""", "bands[0].alpha")]
    [InlineData("/api/hazards/tables/gb18218/alpha-bands", """{"bands":[{"minPeople":0,"alpha":1},{"minPeople":20000000,"alpha":2}]}""", "bands[1].minPeople")]
    public async Task Absurd_GB_18218_factors_are_400s_naming_the_field_and_leave_the_tables_as_they_were(string url, string body, string field)
    {
        var before = await _client.GetStringAsync("/api/hazards/tables/gb18218");

        using var response = await SendAsync(HttpMethod.Put, url, JsonNode.Parse(body)!);

        await response.FieldProblemAsync(field);
        Assert.Equal(before, await _client.GetStringAsync("/api/hazards/tables/gb18218"));
    }

    public static TheoryData<string, PutChemicalRequest> AbsurdChemicals => new()
    {
        { "criticalQuantity", AceticAcidEntry() with { CriticalQuantity = 9.2e18m } },
        { "criticalQuantity", AceticAcidEntry() with { CriticalQuantity = 0.0001m } },
        { "toxicGasBeta", AceticAcidEntry() with { ToxicGasBeta = 9.2e18m } },
        { "nameZh", AceticAcidEntry() with { NameZh = "乙\u0000酸" } },
        { "nameEn", AceticAcidEntry() with { NameEn = "\u200B" } },
        { "nameEn", AceticAcidEntry() with { NameEn = new string('a', 100_000) } },
        { "pictograms", AceticAcidEntry() with { Pictograms = [.. Enumerable.Range(1, 10).Select(i => $"GHS0{i % 9 + 1}")] } },
        { "hazardStatements", AceticAcidEntry() with { HazardStatements = [.. Enumerable.Range(0, HazardLimits.MaxStatements + 1).Select(_ => "H226")] } },
        { "hazardClasses", AceticAcidEntry() with { HazardClasses = ["flammable-liquids:<3>"] } },
    };

    [Theory]
    [MemberData(nameof(AbsurdChemicals))]
    public async Task Absurd_chemicals_are_400s_naming_the_field_and_store_nothing(string field, PutChemicalRequest chemical)
    {
        using var response = await _client.PutAsJsonAsync($"/api/hazards/chemicals/{AceticAcid}", chemical, Json);

        await response.FieldProblemAsync(field);
        using var read = await _client.GetAsync($"/api/hazards/chemicals/{AceticAcid}");
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
    }

    public static TheoryData<string, RegisterEnterpriseRequest> BadEnterprises => new()
    {
        { "name", Enterprise(name: "上海\u0000化工") },
        { "name", Enterprise(name: "\u200B\u200C\u2060") },
        { "name", Enterprise(name: new string('化', 100_000)) },
        { "shortCode", Enterprise() with { ShortCode = "AB\u0007C" } },
        { "address", Enterprise() with { Address = "金山区\u001F卫二路" } },
        { "address", Enterprise() with { Address = new string('路', HazardLimits.AddressLength + 1) } },
        { "contact", Enterprise() with { Contact = "张\n伟" } },
        { "phone", Enterprise() with { Phone = new string('1', HazardLimits.PhoneLength + 1) } },
        { "latitude", Enterprise() with { Latitude = 91 } },
    };

    [Theory]
    [MemberData(nameof(BadEnterprises))]
    public async Task Bad_enterprise_text_is_a_400_naming_the_field_and_registers_nothing(string field, RegisterEnterpriseRequest enterprise)
    {
        using var response = await _client.PostAsJsonAsync("/api/hazards/enterprises", enterprise, Json);

        await response.FieldProblemAsync(field);
        var all = await _client.GetFromJsonAsync<PaginatedItems<EnterpriseResponse>>("/api/hazards/enterprises?district=310116&pageSize=200", Json);
        Assert.DoesNotContain(all!.Data, e => e.CreditCode == enterprise.CreditCode);
    }

    public static TheoryData<string, RegisterProductRequest> BadProducts => new()
    {
        { "tradeName", Product(tradeName: "液氨\u0001") },
        { "tradeName", Product(tradeName: "\u200B") },
        { "concentration", Product() with { Concentration = new string('9', HazardLimits.ConcentrationLength + 1) } },
        { "packaging", Product() with { Packaging = "钢瓶\u0000" } },
        { "sds.sections", Product() with { Sds = new SdsRequest([.. HazardExamples.Sds.Sections!, new SdsSectionRequest(16, "again")]) } },
        { "sds.sections[3].content", Product() with { Sds = new SdsRequest([.. HazardExamples.Sds.Sections!.Select(s => s.Number == 4 ? s with { Content = new string('救', HazardLimits.SdsSectionLength + 1) } : s)]) } },
        { "sds.sections[0].number", Product() with { Sds = new SdsRequest([.. HazardExamples.Sds.Sections!.Select(s => s.Number == 1 ? s with { Number = 17 } : s)]) } },
        { "label.supplier", Product() with { Label = HazardExamples.Label with { Supplier = "供应商\u0085" } } },
        { "label.signalWord", Product() with { Label = HazardExamples.Label with { SignalWord = "1" } } },
        { "label.precautionaryStatements", Product() with { Label = HazardExamples.Label with { PrecautionaryStatements = [.. Enumerable.Range(0, HazardLimits.MaxStatements + 1).Select(_ => "P210")] } } },
    };

    [Theory]
    [MemberData(nameof(BadProducts))]
    public async Task Bad_product_text_and_lists_are_400s_naming_the_field_and_issue_no_code(string field, RegisterProductRequest product)
    {
        var enterprise = await _client.RegisterAsync();

        using var response = await _client.PostAsJsonAsync($"/api/hazards/enterprises/{enterprise.Id}/products", product, Json);

        await response.FieldProblemAsync(field);
        Assert.Empty(await ProductCodesAsync(enterprise.Id));
    }

    public static TheoryData<string, string, decimal, string?> BadScans => new()
    {
        { "step", "1", 100m, null },
        { "step", "commissioning,shipping", 100m, null },
        { "quantity", "dispensing", 9.2e18m, null },
        { "scannedAt", "dispensing", 100m, "0001-01-01T00:00:00Z" },
        { "scannedAt", "dispensing", 100m, "2101-01-01T00:00:00Z" },
        { "operator", "dispensing", 100m, null },
        { "waybill", "dispensing", 100m, null },
        { "unit", "dispensing", 100m, null },
    };

    [Theory]
    [MemberData(nameof(BadScans))]
    public async Task Bad_scans_are_400s_naming_the_field_and_leave_the_trace_as_it_was(string field, string step, decimal quantity, string? scannedAt)
    {
        var owner = await _client.RegisterAsync();
        var code = (await _client.RegisterProductAsync(owner.Id)).Code;
        await _client.ScanOkAsync(code, Scan("commissioning", owner.Id));
        var scan = Scan(step, owner.Id, quantity, at: scannedAt is null ? null : DateTimeOffset.Parse(scannedAt, System.Globalization.CultureInfo.InvariantCulture));
        scan = field switch
        {
            "operator" => scan with { Operator = "\u200B" },
            "waybill" => scan with { Waybill = new string('Y', HazardLimits.WaybillLength + 1) },
            "unit" => scan with { Unit = "42" },
            _ => scan,
        };

        using var response = await _client.ScanAsync(code, scan);

        await response.FieldProblemAsync(field);
        Assert.Single(await _client.TraceAsync(code));
    }

    [Fact]
    public void The_names_the_contract_lists_are_the_names_the_rules_accept()
    {
        static IReadOnlyList<string> Names<T>(string property) => typeof(T).GetProperty(property)!.GetCustomAttribute<OneOfAttribute>()!.Names;

        Assert.Equal(Ghs.PictogramCodes, Names<PutChemicalRequest>(nameof(PutChemicalRequest.Pictograms)));
        Assert.Equal(Ghs.PictogramCodes, Names<LabelRequest>(nameof(LabelRequest.Pictograms)));
        Assert.Equal(ScanValidation.Units, Names<ScanRequest>(nameof(ScanRequest.Unit)));
    }

    [Theory]
    [InlineData("/api/hazards/major-hazards?level=1", "level")]
    [InlineData("/api/hazards/major-hazards?level=level1,level2", "level")]
    [InlineData("/api/hazards/major-hazards?district=999999", "district")]
    [InlineData("/api/hazards/major-hazards?pageIndex=2147483647", "pageIndex")]
    [InlineData("/api/hazards/anomalies?rule=teleported", "rule")]
    [InlineData("/api/hazards/anomalies?district=31011", "district")]
    [InlineData("/api/hazards/anomalies?pageSize=0", "pageSize")]
    [InlineData("/api/hazards/enterprises?district=shanghai", "district")]
    [InlineData("/api/hazards/enterprises?pageSize=201", "pageSize")]
    [InlineData("/api/hazards/chemicals?category=W99", "category")]
    [InlineData("/api/hazards/chemicals?hazardClass=volcanic", "hazardClass")]
    [InlineData("/api/hazards/chemicals?pageIndex=-1", "pageIndex")]
    [InlineData("/api/hazards/products?cas=7664-41-8", "cas")]
    [InlineData("/api/hazards/products?pageIndex=1000001", "pageIndex")]
    public async Task Unknown_filter_values_and_pages_out_of_range_are_400s_naming_the_parameter(string url, string parameter)
    {
        using var response = await _client.GetAsync(url);

        await response.FieldProblemAsync(parameter);
    }

    [Theory]
    [InlineData("pageIndex=2147483647", "pageIndex")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=201", "pageSize")]
    public async Task The_trace_refuses_pages_out_of_range(string query, string parameter)
    {
        var owner = await _client.RegisterAsync();
        var code = (await _client.RegisterProductAsync(owner.Id)).Code;

        using var response = await _client.GetAsync($"/api/hazards/codes/{code}/trace?{query}");

        await response.FieldProblemAsync(parameter);
    }

    private static JsonObject Body(object request) => JsonSerializer.SerializeToNode(request, request.GetType(), Json)!.AsObject();

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, JsonNode body)
    {
        using var request = new HttpRequestMessage(method, url) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
        return await _client.SendAsync(request);
    }

    private async Task<List<string>> ProductCodesAsync(Guid enterpriseId) =>
        [.. (await _client.GetFromJsonAsync<PaginatedItems<ProductResponse>>($"/api/hazards/products?enterpriseId={enterpriseId}&pageSize=200", Json))!.Data.Select(p => p.Code)];
}
