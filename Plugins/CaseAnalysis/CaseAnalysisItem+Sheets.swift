import AtelierKernel
import Foundation

extension CaseAnalysisItem {
    /// Four columns: `ITEM.act`, `ITEM.means`, `ITEM.purpose` (yes/no) and `ITEM.classification`.
    public func sheetColumns(for body: Body) -> [String] { [".act", ".means", ".purpose", ".classification"] }

    /// Reads yes/no (oui/non, O/N, 1/0, نعم/لا) for the elements and the classification as a word or a letter
    /// (T traite/trafficking, S smuggling/trafic, B both/les deux, N neither/aucun).
    public func response(fromCells cells: [String: String], for body: Body) -> Result<JSONValue?, SheetCellError> {
        var parts = JSONObject()
        for element in CaseAnalysisItem.elements {
            guard let text = SheetCell.text(cells[".\(element)"]) else { continue }
            guard let value = SheetCell.yesNo(text) else {
                return .failure(SheetCellError(suffix: ".\(element)", "'\(text)' is neither yes nor no; write O or N (or 1 or 0)"))
            }
            parts[element] = .bool(value)
        }
        if let text = SheetCell.text(cells[".classification"]) {
            guard let classification = CaseAnalysisItem.classification(text) else {
                return .failure(
                    SheetCellError(
                        suffix: ".classification",
                        "'\(text)' is not a classification; write trafficking, smuggling, both or neither (or T, S, B, N)"
                    )
                )
            }
            parts["classification"] = .string(classification.rawValue)
        }
        return .success(parts.count == 0 ? nil : .object(parts))
    }

    static func classification(_ text: String) -> Classification? {
        let key = text.trimmingCharacters(in: .whitespaces).lowercased().folding(options: .diacriticInsensitive, locale: nil)
        let table: [String: Classification] = [
            "trafficking": .trafficking, "t": .trafficking, "traite": .trafficking, "traite des personnes": .trafficking,
            "الاتجار بالأشخاص": .trafficking,
            "الاتجار": .trafficking,
            "smuggling": .smuggling, "s": .smuggling, "trafic": .smuggling, "trafic illicite de migrants": .smuggling, "تهريب المهاجرين": .smuggling,
            "التهريب": .smuggling,
            "both": .both, "b": .both, "les deux": .both, "كلاهما": .both,
            "neither": .neither, "n": .neither, "aucun": .neither, "ni l'un ni l'autre": .neither, "لا هذا ولا ذاك": .neither,
        ]
        return table[key]
    }
}
