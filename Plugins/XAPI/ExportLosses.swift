/// What an export could not carry, as sentences in the order found, each once.
struct ExportLosses {
    /// The sentences.
    private(set) var sentences: [String] = []
    private var seen: Set<String> = []

    /// Records `sentence` unless it is already there.
    mutating func add(_ sentence: String) {
        if seen.insert(sentence).inserted { sentences.append(sentence) }
    }
}
