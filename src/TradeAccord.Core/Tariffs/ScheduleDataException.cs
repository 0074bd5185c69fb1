namespace TradeAccord.Core.Tariffs;

/// <summary>Thrown when measures read from the sources contradict each other, so no schedule can be compiled.</summary>
public sealed class ScheduleDataException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ScheduleDataException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public ScheduleDataException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public ScheduleDataException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
