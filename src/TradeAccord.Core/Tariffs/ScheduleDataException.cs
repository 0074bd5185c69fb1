using TradeAccord.Core.Errors;

namespace TradeAccord.Core.Tariffs;

/// <summary>Thrown when measures read from the sources contradict each other, so no schedule can be compiled.</summary>
public sealed class ScheduleDataException : AccordException
{
    /// <summary>Creates the exception.</summary>
    public ScheduleDataException(string message)
        : base(ErrorKind.InvalidDocument, message)
    {
    }
}
