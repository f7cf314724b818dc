#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How numbers read, in one place: every table, chart, caption, message, CSV and JSON file of the
/// toolkit formats its numbers through this policy, so that a value reads the same wherever it
/// is shown.
///
/// - `exact`: files and JSON. The shortest decimal that reads back as the same double (Swift's
///   round-trip printing), whole numbers below 10^15 without a decimal point; always `.`.
/// - `reading`: a value on its own in the REPL: 10 significant digits, trailing zeros dropped.
/// - `fixed`: a given number of decimals (table columns, values in sentences).
/// - `significant`: a given number of significant digits (notes about a computation).
/// - `ticks`: axis labels, as few decimals as the step between ticks needs, so `0 0.5 1 1.5`.
/// - `percent`: a share as a percentage with one decimal.
///
/// Locale: `decimalSeparator` (`.`, or `,` for German reports) applies to every style but
/// `exact`. Missing values (NaN) read as `missing`; infinities as `inf` and `-inf`.
public struct NumberFormat: Sendable, Equatable {
    public var decimalSeparator: String
    /// The text of a missing value (NaN).
    public var missing: String

    public init(decimalSeparator: String = ".", missing: String = "missing") {
        self.decimalSeparator = decimalSeparator
        self.missing = missing
    }

    /// English: a decimal point, `missing`.
    public static let standard = NumberFormat()

    // MARK: Files

    /// The shortest text that reads back as `x` (integers below 10^15 without `.0`); `inf`,
    /// `-inf`, and `nan` for NaN (files write missing values their own way: empty CSV cells,
    /// JSON `null`).
    public static func exact(_ x: Double) -> String {
        if x.isNaN { return "nan" }
        if x.isInfinite { return x < 0 ? "-inf" : "inf" }
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return "\(x)"
    }

    // MARK: Reading

    /// A value for reading: whole numbers without a decimal point, others to 10 significant
    /// digits with trailing zeros dropped (`1e+20`, `1.5e-07` in exponent form as C's `%g`).
    public func reading(_ x: Double) -> String { significant(x, digits: 10) }

    /// `digits` significant digits (C's `%g`: exponent form below 1e-4 and from 10^digits),
    /// trailing zeros dropped; whole numbers below 10^15 in full.
    public func significant(_ x: Double, digits: Int) -> String {
        if let special = special(x) { return special }
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        var text = Self.printf("%.\(max(1, digits))g", x)
        if let e = text.firstIndex(of: "e") {
            var mantissa = String(text[..<e])
            Self.trimZeros(&mantissa)
            text = mantissa + text[e...]
        } else {
            Self.trimZeros(&text)
        }
        return localised(text)
    }

    /// `x` with exactly `decimals` decimals (rounded half away from zero as C's printf does
    /// for the binary value); `-0.00` reads `0.00`.
    public func fixed(_ x: Double, decimals: Int) -> String {
        if let special = special(x) { return special }
        var text = Self.printf("%.\(max(0, decimals))f", x)
        if text.hasPrefix("-"), text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) { text.removeFirst() }
        return localised(text)
    }

    /// A share (0.452) as a percentage with one decimal: `45.2 %`.
    public func percent(_ share: Double) -> String {
        special(share) ?? fixed(share * 100, decimals: 1) + " %"
    }

    // MARK: Columns and axes

    /// The decimals of a column of numbers shown together: 0 when all are whole, 4 when all
    /// are below 0.1 in magnitude, otherwise 2. Missing and infinite values do not count.
    public static func columnDecimals<C: Collection>(_ values: C) -> Int where C.Element == Double {
        let finite = values.filter(\.isFinite)
        if finite.allSatisfy({ $0 == $0.rounded() }) { return 0 }
        return finite.allSatisfy { abs($0) < 0.1 } ? 4 : 2
    }

    /// Labels of axis ticks: each with the decimals the step between the ticks needs (at most
    /// 10), trailing zeros dropped, so that `[0, 0.5, 1]` reads `0 0.5 1`.
    public func ticks(_ values: [Double]) -> [String] {
        let decimals = Self.tickDecimals(values)
        return values.map { tick in
            if let special = special(tick) { return special }
            var text = Self.printf("%.\(decimals)f", tick)
            if text.contains(".") { Self.trimZeros(&text) }
            if text == "-0" { text = "0" }
            return localised(text)
        }
    }

    /// The fewest decimals (up to 10) that write every tick exactly to 1e-9 of the step.
    static func tickDecimals(_ values: [Double]) -> Int {
        let finite = values.filter(\.isFinite)
        guard finite.count > 0 else { return 0 }
        let steps = zip(finite, finite.dropFirst()).map { abs($1 - $0) }.filter { $0 > 0 }
        let scale = steps.min() ?? max(1, abs(finite[0]))
        for decimals in 0...10 {
            let factor = pow10(decimals)
            if finite.allSatisfy({ abs(($0 * factor).rounded() / factor - $0) <= scale * 1e-9 }) { return decimals }
        }
        return 10
    }

    // MARK: Helpers

    private func special(_ x: Double) -> String? {
        if x.isNaN { return missing }
        if x.isInfinite { return x < 0 ? "-inf" : "inf" }
        return nil
    }

    private func localised(_ text: String) -> String {
        decimalSeparator == "." ? text : text.replacingOccurrencesOfDot(with: decimalSeparator)
    }

    private static func trimZeros(_ text: inout String) {
        guard text.contains(".") else { return }
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
    }

    private static func pow10(_ n: Int) -> Double {
        var result = 1.0
        for _ in 0..<n { result *= 10 }
        return result
    }

    /// C's formatting of one double (the C library is the reference for `%g` and `%f`).
    private static func printf(_ format: String, _ x: Double) -> String {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: 512) { buffer in
            let written = withVaList([x]) { vsnprintf(buffer.baseAddress!, 512, format, $0) }
            return String(decoding: UnsafeRawBufferPointer(start: buffer.baseAddress!, count: Int(min(written, 511))), as: UTF8.self)
        }
    }
}

private extension String {
    func replacingOccurrencesOfDot(with separator: String) -> String {
        var result = ""
        for character in self { if character == "." { result += separator } else { result.append(character) } }
        return result
    }
}
