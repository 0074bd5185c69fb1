using Microsoft.Extensions.Logging;

namespace TradeAccord.Web;

/// <summary>What the server logs, with stable event ids (source-generated: no boxing, no parsing of templates).</summary>
internal static partial class ServerLog
{
    /// <summary>A request failed inside the server; neither its content nor its headers (the API key) are logged.</summary>
    [LoggerMessage(EventId = 5000, Level = LogLevel.Error, Message = "{Method} {Path} failed")]
    public static partial void RequestFailed(this ILogger logger, Exception? error, string method, string path);
}
