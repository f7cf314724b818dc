import Foundation
import Stats

/// The progress bar of long computations (`WorkProgress`) on standard error:
///
///     uncertainty: 5,000,000 samples  [██████████▌             ]  44%  ETA 0:12
///
/// Drawn only when standard error is a terminal, and only once the work has run for more than
/// `delay` seconds (quick calls never flash a bar); redrawn in place (`\r`, then erase to the end
/// of the line) at each update, at most 20 times a second (`WorkProgress` throttles), and erased
/// when the work ends, completed or interrupted. Never writes to standard output.
enum ProgressBar {
    /// Seconds of work before the bar appears.
    static let delay = 1.0

    /// Makes the bar `WorkProgress`'s observer, when standard error is a terminal (else nothing).
    static func install() {
        guard isatty(STDERR_FILENO) == 1 else { return }
        let state = State()
        WorkProgress.setObserver { update in state.show(update) }
    }

    /// Whether a bar is on the screen. `WorkProgress` calls its observer one call at a time; the
    /// lock only makes that visible to the compiler.
    private final class State: @unchecked Sendable {
        private let lock = NSLock()
        private var visible = false

        func show(_ update: WorkProgress.Update) {
            lock.lock()
            defer { lock.unlock() }
            switch update.state {
            case .running:
                guard update.elapsed > ProgressBar.delay else { return }
                write("\r" + ProgressBar.line(update, columns: ProgressBar.columns) + "\u{1B}[K")
                visible = true
            case .finished, .stopped:
                guard visible else { return }
                write("\r\u{1B}[K")
                visible = false
            }
        }

        private func write(_ text: String) {
            var bytes = Array(text.utf8)
            var offset = 0
            while offset < bytes.count {
                let written = bytes.withUnsafeMutableBytes { buffer in
                    Foundation.write(STDERR_FILENO, buffer.baseAddress! + offset, buffer.count - offset)
                }
                if written > 0 { offset += written } else if written < 0 && errno == EINTR { continue } else { return }
            }
        }
    }

    /// The columns of the terminal on standard error (80 when unknown).
    static var columns: Int {
        var size = winsize()
        if ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 80
    }

    /// One line of the bar for `update`, at most `columns - 1` characters (so that the terminal
    /// never wraps it, which would defeat `\r`): the label (shortened with … when needed), the
    /// bar, the percentage and the time left. The bar is dropped first on a narrow terminal.
    static func line(_ update: WorkProgress.Update, columns: Int) -> String {
        let fraction = min(1, max(0, update.fraction))
        let percent = String(Int((fraction * 100).rounded(.down))).leftPadded(to: 3) + "%"
        let eta = "ETA " + (fraction > 0 ? duration(update.elapsed * (1 - fraction) / fraction) : "-:--")
        let tail = "  " + percent + "  " + eta
        let room = max(0, columns - 1)
        let barWidth = min(30, room - tail.count - 4 - min(update.label.count, 24))
        var bar = ""
        if barWidth >= 8 {
            bar = "  [" + blocks(fraction, width: barWidth) + "]"
        }
        let labelRoom = max(0, room - tail.count - bar.count)
        var label = update.label
        if label.count > labelRoom {
            label = labelRoom >= 2 ? String(label.prefix(labelRoom - 1)) + "…" : ""
        }
        return String((label + bar + tail).prefix(room))
    }

    /// `width` cells filled to `fraction` in eighths of a cell.
    static func blocks(_ fraction: Double, width: Int) -> String {
        let eighths = Int((fraction * Double(width * 8)).rounded(.down))
        let full = min(width, eighths / 8), part = eighths % 8
        let partial = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
        var text = String(repeating: "█", count: full)
        if full < width {
            text += partial[part]
            text += String(repeating: " ", count: width - full - (part > 0 ? 1 : 0))
        }
        return text
    }

    /// Seconds as m:ss, or h:mm:ss from an hour.
    static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite else { return "-:--" }
        let total = Int(seconds.rounded(.up))
        let (h, m, s) = (total / 3600, total / 60 % 60, total % 60)
        let ss = String(s).leftPadded(to: 2, with: "0")
        return h > 0 ? "\(h):" + String(m).leftPadded(to: 2, with: "0") + ":" + ss : "\(m):" + ss
    }
}

private extension String {
    func leftPadded(to width: Int, with pad: Character = " ") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
