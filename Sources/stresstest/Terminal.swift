import Foundation

/// What the standard output is: its width in columns for drawing charts, and whether it takes
/// colour (a terminal, with `NO_COLOR` unset: https://no-color.org).
enum Terminal {
    /// The terminal's columns; when the output is not a terminal, `$COLUMNS`, else 80.
    static var columns: Int {
        var size = winsize()
        if isatty(STDOUT_FILENO) == 1, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
            return Int(size.ws_col)
        }
        if let text = ProcessInfo.processInfo.environment["COLUMNS"], let columns = Int(text), columns > 0 { return columns }
        return 80
    }

    /// The terminal's lines; when the output is not a terminal, `$LINES`, else 24.
    static var rows: Int {
        var size = winsize()
        if isatty(STDOUT_FILENO) == 1, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0 {
            return Int(size.ws_row)
        }
        if let text = ProcessInfo.processInfo.environment["LINES"], let rows = Int(text), rows > 0 { return rows }
        return 24
    }

    /// Colour escapes only on a terminal, and never with `NO_COLOR` set to anything.
    static var colour: Bool {
        isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }
}
