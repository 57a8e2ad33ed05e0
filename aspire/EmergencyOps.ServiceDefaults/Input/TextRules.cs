using System.Globalization;
using System.Text;

namespace EmergencyOps.ServiceDefaults.Input;

/// <summary>What text may contain, in one place: JSON binding, validation attributes, query strings and CAP use it.</summary>
public static class TextRules
{
    /// <summary>The index of the first character XML 1.0 cannot carry (or, single-line, a tab or line break), else null.</summary>
    public static int? FirstForbidden(string value, bool allowLineBreaks)
    {
        ArgumentNullException.ThrowIfNull(value);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
                continue;
            }
            var allowed = c switch
            {
                '\t' or '\n' or '\r' => allowLineBreaks,
                < ' ' => false,
                >= '\u007F' and <= '\u009F' => false,
                _ when char.IsSurrogate(c) => false,
                '\uFFFE' or '\uFFFF' => false,
                _ => true,
            };
            if (!allowed)
            {
                return i;
            }
        }
        return null;
    }

    public static string Describe(string value, int index)
    {
        ArgumentNullException.ThrowIfNull(value);
        var c = value[index];
        return c switch
        {
            '\t' => "a tab",
            '\n' or '\r' => "a line break",
            _ => string.Create(CultureInfo.InvariantCulture, $"the character U+{(int)c:X4} at position {index}"),
        };
    }

    /// <summary>Empty, or only white space and invisible format characters (e.g. U+200B zero-width space).</summary>
    public static bool IsBlank(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        foreach (var rune in value.EnumerateRunes())
        {
            if (!Rune.IsWhiteSpace(rune) && Rune.GetUnicodeCategory(rune) != UnicodeCategory.Format)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// Text a service composes from stored or others' data (a log note, a site's name), cut to its column with "…", never
    /// splitting a surrogate pair (half a character cannot be written as XML).
    /// </summary>
    public static string Fit(string text, int maximum)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= maximum)
        {
            return text;
        }
        var cut = char.IsHighSurrogate(text[maximum - 2]) ? maximum - 2 : maximum - 1;
        return string.Concat(text.AsSpan(0, cut), "…");
    }

    /// <summary>Text as XML 1.0 can carry it: forbidden characters (from rows stored before these rules) become U+FFFD.</summary>
    public static string ForXml(string value) => Replace(value, '\uFFFD');

    /// <summary>Text without the characters XML 1.0 cannot carry (line breaks and tabs kept).</summary>
    public static string Strip(string value) => Replace(value, null);

    private static string Replace(string value, char? replacement)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (FirstForbidden(value, allowLineBreaks: true) is null)
        {
            return value;
        }
        var builder = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                builder.Append(value[i]).Append(value[++i]);
            }
            else if (FirstForbidden(value[i].ToString(), allowLineBreaks: true) is null)
            {
                builder.Append(value[i]);
            }
            else if (replacement is { } r)
            {
                builder.Append(r);
            }
        }
        return builder.ToString();
    }
}
