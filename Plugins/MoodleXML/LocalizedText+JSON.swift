import AtelierKernel

extension LocalizedText {
    /// The text as an Atelier JSON object, languages in `order` first, then the others alphabetically.
    func json(ordered order: [String]) -> JSONValue {
        let keys = order.filter { translations[$0] != nil } + translations.keys.filter { !order.contains($0) }.sorted()
        return .object(JSONObject(keys.compactMap { key in translations[key].map { (key: key, value: JSONValue.string($0)) } }))
    }
}
