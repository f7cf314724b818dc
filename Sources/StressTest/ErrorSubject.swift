/// What a domain error is about, so that a caller can blame the input that caused it (the script
/// points at the argument, a command at its option) by case, never by the English of a message.
public enum ErrorSubject: Hashable, Sendable {
    /// A region, as it was asked for (unknown, or lacking the values the request needs).
    case region(String)
    /// An indicator or structural variable of the portfolio (a column), by its name.
    case variable(String)
    /// A dimension or another aggregate of the framework, by its code.
    case dimension(String)
    /// A setting of the computation, by the parameter name the script and the library use:
    /// "k", "perturbation", "weights", "methods", "metric", "groups", "balanced", "by",
    /// "targets", "level", "exclude_country", "replace", "shift".
    case parameter(String)
    /// A wave (year) of the portfolio.
    case wave(Int)
    /// A file to read or write, by its path.
    case file(String)
    /// The portfolio's values themselves (missing, constant, outside a method's domain).
    case data
    /// Not wrong but interrupted (`WorkProgress.requestInterrupt()`, e.g. Ctrl-C): the
    /// message is "interrupted".
    case interrupted
}
