using Hazards.API.Infrastructure;
using Hazards.API.Model;

namespace Hazards.API.Tests;

/// <summary>The identifiers' check characters, computed by hand in the comments.</summary>
public sealed class IdentifierTests
{
    [Theory]
    [InlineData("91310116MA1J8K3X7T")]
    [InlineData("91310115MA1FL2QW3G")]
    [InlineData("91310113MA1GK7BB9R")]
    [InlineData("91310120MA1HX5P21H")]
    [InlineData("91310112MA1GBUQ858")]
    public void Valid_credit_codes_pass(string code) => Assert.True(CreditCode.IsValid(code));

    [Fact]
    public void The_credit_code_check_character_follows_GB_32100()
    {
        // 9·1 + 1·3 + 3·9 + 1·27 + 0·19 + 1·26 + 1·16 + 6·17 + M(21)·20 + A(10)·29 + 1·25 + J(18)·13 + 8·8 + K(19)·24 + 3·10 + X(29)·30 + 7·28
        // = 9+3+27+27+0+26+16+102+420+290+25+234+64+456+30+870+196 = 2795; 2795 mod 31 = 5; 31 − 5 = 26 → 'T'.
        Assert.Equal('T', CreditCode.CheckCharacter("91310116MA1J8K3X7"));
    }

    [Theory]
    [InlineData("91310116MA1J8K3X7A")] // wrong check character
    [InlineData("91310116MA1J8K3X7")]  // 17 characters
    [InlineData("91310116MA1J8K3X7TT")] // 19 characters
    [InlineData("91310116MA1J8K3O7T")] // O is not used
    [InlineData("91310116ma1j8k3x7t")] // lower case is not the code
    [InlineData("")]
    public void Invalid_credit_codes_fail(string code) => Assert.False(CreditCode.IsValid(code));

    [Theory]
    [InlineData("7732-18-5")]  // water: 8·1+1·2+2·3+3·4+7·5+7·6 = 105 → 5
    [InlineData("7664-41-7")]  // ammonia: 1·1+4·2+4·3+6·4+6·5+7·6 = 117 → 7
    [InlineData("7782-50-5")]  // chlorine: 0·1+5·2+2·3+8·4+7·5+7·6 = 125 → 5
    [InlineData("75-44-5")]    // phosgene: 4·1+4·2+5·3+7·4 = 55 → 5
    [InlineData("1333-74-0")]  // hydrogen: 4·1+7·2+3·3+3·4+3·5+1·6 = 60 → 0
    [InlineData("10102-44-0")] // nitrogen dioxide: 4·1+4·2+2·3+0·4+1·5+0·6+1·7 = 30 → 0
    public void Real_cas_numbers_pass(string cas) => Assert.True(CasNumber.IsValid(cas));

    [Theory]
    [InlineData("7664-41-8")]  // ammonia with the wrong check digit
    [InlineData("7782-05-5")]  // chlorine with two digits swapped
    [InlineData("7664417")]    // no dashes
    [InlineData("07664-41-7")] // leading zero
    [InlineData("7664-4-17")]  // wrong grouping
    [InlineData("12345678-12-3")] // too long
    [InlineData("ABCD-41-7")]
    public void Wrong_or_malformed_cas_numbers_fail(string cas) => Assert.False(CasNumber.IsValid(cas));

    [Fact]
    public void Every_seeded_chemical_has_a_valid_cas_and_un_number_and_passes_the_label_rules()
    {
        var tables = StandardTables.Gb18218;
        Assert.Equal("GB 18218-2018", tables.Edition);
        Assert.Equal(46, tables.Chemicals.Count);
        Assert.All(tables.Chemicals, c =>
        {
            Assert.True(CasNumber.IsValid(c.Cas), CasNumber.Explain(c.Cas));
            Assert.True(UnNumber.IsValid(c.UnNumber), c.UnNumber);
            var errors = new Dictionary<string, string[]>();
            Ghs.Validate(c.Pictograms, c.SignalWord, c.HazardStatements, errors);
            Assert.True(errors.Count == 0, $"{c.Cas}: {string.Join("; ", errors.SelectMany(e => e.Value))}");
            Assert.NotNull(c.CriticalQuantity);
        });
        Assert.Equal(tables.Chemicals.Count, tables.Chemicals.Select(c => c.Cas).Distinct().Count());
    }

    [Theory]
    [InlineData("UN1005", true)]
    [InlineData("UN1017", true)]
    [InlineData("UN1203", true)]
    [InlineData("UN105", false)]
    [InlineData("UN10050", false)]
    [InlineData("un1005", false)]
    [InlineData("1005", false)]
    [InlineData("UN0000", false)]
    public void Un_numbers_are_UN_and_four_digits(string un, bool valid) => Assert.Equal(valid, UnNumber.IsValid(un));

    [Fact]
    public void Product_codes_carry_an_ISO_7064_MOD_37_2_check_character()
    {
        var code = ProductCode.Compose("310116", "JSHG", 1);

        Assert.StartsWith("310116-JSHG-000001-", code, StringComparison.Ordinal);
        Assert.True(ProductCode.IsValid(code));
        // Brute force over many serials: every single substitution and adjacent transposition is caught.
        for (var serial = 1; serial < 400; serial++)
        {
            var c = ProductCode.Compose("310115", "PDX9", serial);
            var body = c.Replace("-", "", StringComparison.Ordinal);
            for (var i = 0; i < body.Length - 1; i++)
            {
                if (body[i] != body[i + 1])
                {
                    var swapped = body[..i] + body[i + 1] + body[i] + body[(i + 2)..];
                    Assert.NotEqual(ProductCode.Check(swapped[..^1]), swapped[^1]);
                }
            }
        }
    }

    [Fact]
    public void Codes_whose_check_would_be_a_star_are_valid_but_never_issued()
    {
        // One serial in 37 gets the check value 36 ('*'): the issuer skips it, so codes stay letters, digits and dashes.
        var star = Enumerable.Range(1, 2000).Select(n => ProductCode.Compose("310116", "JSHG", n)).First(c => c.EndsWith('*'));

        Assert.True(ProductCode.IsValid(star));
        Assert.False(ProductCode.IsIssuable(star));
    }
}
