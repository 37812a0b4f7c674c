import AtelierKernel
import Foundation

/// Timestamps and durations as xAPI writes them.
enum XAPITime {
    /// `date` in UTC as ISO 8601 with milliseconds, such as `2026-09-01T10:14:00.250Z`.
    static func timestamp(_ date: Date) -> String {
        let milliseconds = (date.timeIntervalSince1970 * 1000).rounded()
        let wholeSeconds = (milliseconds / 1000).rounded(.down)
        let fraction = Int(milliseconds - wholeSeconds * 1000)
        let seconds = Date(timeIntervalSince1970: wholeSeconds).iso8601UTC  // ends with "Z"
        let padded = String(repeating: "0", count: 3 - String(fraction).count) + String(fraction)
        return String(seconds.dropLast()) + "." + padded + "Z"
    }

    /// The time from `start` to `end` as an ISO 8601 duration, such as `PT14M2S` or `PT1H3.25S`, to the
    /// hundredth of a second (the precision an LRS keeps); `nil` when `end` is before `start`.
    static func duration(from start: Date, to end: Date) -> String? {
        let interval = end.timeIntervalSince(start)
        guard interval.isFinite, interval >= 0 else { return nil }
        let hundredths = Int((interval * 100).rounded())
        let hours = hundredths / 360_000
        let minutes = hundredths / 6000 % 60
        let secondHundredths = hundredths % 6000
        var text = "PT"
        if hours > 0 { text += "\(hours)H" }
        if minutes > 0 { text += "\(minutes)M" }
        if secondHundredths > 0 || (hours == 0 && minutes == 0) {
            text += String(secondHundredths / 100)
            let fraction = secondHundredths % 100
            if fraction > 0 {
                let digits = fraction < 10 ? "0\(fraction)" : String(fraction)
                text += "." + (digits.hasSuffix("0") ? String(digits.dropLast()) : digits)
            }
            text += "S"
        }
        return text
    }
}
