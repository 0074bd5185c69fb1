namespace TradeAccord.Cli.Infrastructure;

/// <summary>A request the command cannot answer (unknown code, date outside the data): exit code 1, message to stderr.</summary>
public sealed class CliUsageException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CliUsageException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public CliUsageException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public CliUsageException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
