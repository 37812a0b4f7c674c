extension StringProtocol {
    /// The text without leading and trailing white space (including new lines and no-break spaces).
    func trimmingWhiteSpace() -> Substring {
        let whole = self as? Substring ?? String(self)[...]
        let scalars = whole.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return Substring() }
        return Substring(scalars[first...last])
    }
}
