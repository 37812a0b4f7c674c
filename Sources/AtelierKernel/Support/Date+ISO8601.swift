import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Date {
    /// The date in UTC as `YYYY-MM-DDTHH:MM:SSZ`, the same text as `formatted(.iso8601)`, written directly:
    /// every receipt carries one, and Foundation's format styles cost more than the rest of the receipt.
    public var iso8601UTC: String {
        var seconds = time_t(timeIntervalSince1970.rounded(.down))
        var parts = tm()
        guard gmtime_r(&seconds, &parts) != nil else { return formatted(.iso8601) }
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : String(value) }
        let year = Int(parts.tm_year) + 1900
        guard (0...9999).contains(year) else { return formatted(.iso8601) }
        let paddedYear = String(repeating: "0", count: 4 - String(year).count) + String(year)
        return "\(paddedYear)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }
}
