using EmergencyOps.ServiceDefaults.Input;

namespace EmergencyOps.ServiceDefaults.Tests;

public sealed class TextRulesTests
{
    [Theory]
    [InlineData("", true)]
    [InlineData("   ", true)]
    [InlineData("\u200B\u200B", true)]
    [InlineData(" \u3000\uFEFF", true)]
    [InlineData("a\u200B", false)]
    [InlineData("浦东", false)]
    public void Blank_means_only_spaces_or_invisible_characters(string text, bool blank) => Assert.Equal(blank, TextRules.IsBlank(text));

    [Fact]
    public void Xml_text_keeps_what_XML_carries_and_marks_what_it_cannot()
    {
        Assert.Equal("a\uFFFDb\tc\n😀\uFFFD", TextRules.ForXml("a\u0000b\tc\n😀\ud800"));
        Assert.Equal("ab\tc\n😀", TextRules.Strip("a\u0000b\tc\n😀\ud800"));
        Assert.Equal(3, TextRules.FirstForbidden("浦东\n\u0001", allowLineBreaks: true));
        Assert.Equal(2, TextRules.FirstForbidden("浦东\n", allowLineBreaks: false));
    }

    [Fact]
    public void Composed_text_is_fitted_to_its_column_without_splitting_a_character()
    {
        Assert.Equal("浦东新区", TextRules.Fit("浦东新区", 4));
        Assert.Equal("浦东新…", TextRules.Fit("浦东新区仓库", 4));
        Assert.Equal("ab…", TextRules.Fit("ab😀cd", 4));
    }

    [Theory]
    [InlineData("writeOff", true)]
    [InlineData("WriteOff", true)]
    [InlineData("write-off", true)]
    [InlineData("WRITE-OFF", true)]
    [InlineData("1", false)]
    [InlineData(" writeOff", false)]
    [InlineData("receipt,writeOff", false)]
    [InlineData("", false)]
    public void Enum_names_by_name_only(string text, bool parses) =>
        Assert.Equal(parses, EnumNames.TryParse<LedgerKind>(text, out var kind) && kind == LedgerKind.WriteOff);

    public enum LedgerKind
    {
        Receipt,
        WriteOff,
    }
}
