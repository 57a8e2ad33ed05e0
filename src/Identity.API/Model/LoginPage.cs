using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Identity.API.Model;

/// <summary>
/// The sign-in page, Chinese by default and English on request. Plain HTML with no script at all, so the page's
/// Content-Security-Policy can forbid every script.
/// </summary>
public static class LoginPage
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private sealed record Words(string Lang, string Title, string UserName, string Password, string SignIn, string Failed, string Other, string OtherLang);

    private static readonly Words Chinese = new("zh-CN", "EmergencyOps 城市运行安全监测预警 · 登录", "用户名", "密码", "登录", "用户名或密码不正确，或账号已停用。", "English", "en");
    private static readonly Words English = new("en", "EmergencyOps city monitoring and early warning · Sign in", "User name", "Password", "Sign in", "Wrong user name or password, or the account is disabled.", "中文", "zh");

    // Chinese stays readable in the page source; markup characters are still encoded.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public static bool IsEnglish(string? lang, string? returnUrl) =>
        string.Equals(lang, "en", StringComparison.OrdinalIgnoreCase)
        || (lang is null && returnUrl?.Contains("ui_locales=en", StringComparison.OrdinalIgnoreCase) == true);

    public static string Render(bool english, string returnUrl, string userName, string antiforgeryField, string antiforgeryToken, bool failed)
    {
        var w = english ? English : Chinese;
        var e = Html;
        var other = $"/account/login?lang={w.OtherLang}&returnUrl={UrlEncoder.Default.Encode(returnUrl)}";
        return $"""
            <!DOCTYPE html>
            <html lang="{w.Lang}">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{e.Encode(w.Title)}</title><link rel="stylesheet" href="/account/login.css"></head>
            <body><main>
            <h1>{e.Encode(w.Title)}</h1>
            {(failed ? $"<p class=\"error\" role=\"alert\">{e.Encode(w.Failed)}</p>" : "")}
            <form method="post" action="/account/login">
            <input type="hidden" name="{e.Encode(antiforgeryField)}" value="{e.Encode(antiforgeryToken)}">
            <input type="hidden" name="returnUrl" value="{e.Encode(returnUrl)}">
            <input type="hidden" name="lang" value="{(english ? "en" : "zh")}">
            <label>{e.Encode(w.UserName)} <input name="userName" value="{e.Encode(userName)}" autocomplete="username" required maxlength="{IdentityLimits.UserName}"></label>
            <label>{e.Encode(w.Password)} <input name="password" type="password" autocomplete="current-password" required maxlength="{IdentityLimits.Password}"></label>
            <button type="submit">{e.Encode(w.SignIn)}</button>
            </form>
            <p><a href="{e.Encode(other)}">{e.Encode(w.Other)}</a></p>
            </main></body></html>
            """;
    }

    public const string Stylesheet = """
        body { font-family: system-ui, "PingFang SC", "Microsoft YaHei", sans-serif; background: #f4f6f8; margin: 0; }
        main { max-width: 22rem; margin: 10vh auto; background: #fff; padding: 2rem; border-radius: 8px; box-shadow: 0 1px 4px #0002; }
        h1 { font-size: 1.1rem; } label { display: block; margin: 1rem 0; } input { display: block; width: 100%; padding: .4rem; box-sizing: border-box; }
        button { padding: .5rem 1.5rem; } .error { color: #b00020; }
        """;
}
