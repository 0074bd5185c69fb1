using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using TradeAccord.Core.Common;

namespace TradeAccord.Cli.Commands;

/// <summary>Options every command that reads the built-in data shares.</summary>
public class DataSettings : CommandSettings
{
    /// <summary>Another data folder.</summary>
    [CommandOption("--data <DIR>")]
    [Description("Data folder (default: $ACCORD_DATA, else the built-in data)")]
    public string? Data { get; init; }

    /// <summary>Parses an ISO date option, or null when absent.</summary>
    protected static ValidationResult CheckDate(string option, string? text) =>
        text is null || TryDate(text, out _)
            ? ValidationResult.Success()
            : ValidationResult.Error($"{option} '{text}' is not a date: expected yyyy-MM-dd");

    /// <summary>Checks a country option.</summary>
    protected static ValidationResult CheckCountry(string option, string? text) =>
        text is null || CountryCode.Parse(text).Success
            ? ValidationResult.Success()
            : ValidationResult.Error($"{option}: {CountryCode.Parse(text).Error}");

    /// <summary>Checks that <paramref name="text"/> is one of <paramref name="allowed"/>.</summary>
    protected static ValidationResult CheckOneOf(string option, string? text, params string[] allowed) =>
        text is null || allowed.Contains(text, StringComparer.OrdinalIgnoreCase)
            ? ValidationResult.Success()
            : ValidationResult.Error($"{option} '{text}' is not supported: expected {string.Join(" or ", allowed)}");

    /// <summary>Checks a chart file option: .svg or .png.</summary>
    protected static ValidationResult CheckChart(string? path) =>
        path is null || path.EndsWith(".svg", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".png", StringComparison.OrdinalIgnoreCase)
            ? ValidationResult.Success()
            : ValidationResult.Error($"--chart '{path}': expected a file ending in .svg or .png");

    /// <summary>The first failed result, or success.</summary>
    protected static ValidationResult All(params ValidationResult[] results) =>
        results.FirstOrDefault(r => !r.Successful) ?? ValidationResult.Success();

    /// <summary>Parses an ISO date.</summary>
    public static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>Parses a date option already validated.</summary>
    public static DateOnly? ParseDate(string? text) => text is null ? null : TryDate(text, out var d) ? d : null;
}
