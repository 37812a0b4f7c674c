import Foundation

/// Answers in a spreadsheet: one row per participant, one column per item (several for matching and case
/// analysis), as typed from paper forms or exported by a survey tool.
///
/// The header is `participant_code,form,ITEM,ITEM.p1,…`. `atelier responses template FORM` writes it with a
/// row per registered participant; `atelier responses import` reads it back.
public enum ResponseSheet {
    /// The participant column.
    public static let codeColumn = "participant_code"
    /// The form column.
    public static let formColumn = "form"

    /// The item columns of a form, in its order.
    public static func itemColumns(of form: ResolvedForm) -> [String] {
        form.items.flatMap { loaded in loaded.itemType.sheetColumns(for: loaded.body).map { loaded.item.id + $0 } }
    }

    /// The sheet to fill in: the header, then one row per participant with the form column filled.
    public static func template(for form: ResolvedForm, codes: [String]) -> [[String]] {
        let columns = itemColumns(of: form)
        return [[codeColumn, formColumn] + columns] + codes.map { [$0, form.form.id] + Array(repeating: "", count: columns.count) }
    }

    /// One participant's answers read from the sheet.
    public struct Entry: Sendable, Equatable {
        /// The row, as a spreadsheet numbers it.
        public var row: Int
        /// The participant code, as typed (upper-cased).
        public var participantCode: String
        /// The form.
        public var formID: String
        /// The responses, by item id (unanswered items are absent).
        public var responses: [String: JSONValue]
    }

    /// Reads a sheet.
    ///
    /// - Parameters:
    ///   - table: the CSV.
    ///   - catalog: the forms and their item types.
    ///   - form: the form for rows without a `form` cell (from `--form`).
    /// - Returns: the entries that read cleanly, and a problem (row, column, message) for every cell that did
    ///   not. A row without any answer is left out: a paper not handed in is not a score of 0.
    public static func read(
        _ table: CSVTable,
        catalog: ContentCatalog,
        form defaultForm: String? = nil
    ) -> (entries: [Entry], problems: [SheetProblem]) {
        guard let codeIndex = table.column(codeColumn) else {
            return ([], [SheetProblem(row: 1, column: "header", message: "no '\(codeColumn)' column; start from `atelier responses template FORM`")])
        }
        let formIndex = table.column(formColumn)
        let itemHeader = Set(table.header.enumerated().filter { $0.offset != codeIndex && $0.offset != formIndex }.map(\.element))
        var fallback = defaultForm
        if formIndex == nil && fallback == nil {
            let matching = catalog.forms.keys.sorted().filter { id in catalog.resolvedForm(id).map { Set(itemColumns(of: $0)) == itemHeader } ?? false
            }
            guard matching.count == 1 else {
                return (
                    [],
                    [
                        SheetProblem(
                            row: 1,
                            column: "header",
                            message: "cannot tell which form the sheet answers; add a '\(formColumn)' column or pass --form"
                        )
                    ]
                )
            }
            fallback = matching[0]
        }
        var problems: [SheetProblem] = []
        let knownColumns = Set(catalog.forms.keys.compactMap(catalog.resolvedForm).flatMap(itemColumns(of:)))
        for column in itemHeader.sorted() where !knownColumns.contains(column) {
            problems.append(SheetProblem(row: 1, column: column, message: "is not an item of any form"))
        }
        if !problems.isEmpty { return ([], problems) }
        var entries: [Entry] = []
        for row in table.rows where !row.isBlank {
            let code = row.cells[codeIndex].trimmingCharacters(in: .whitespaces).uppercased()
            guard !code.isEmpty else {
                problems.append(SheetProblem(row: row.number, column: codeColumn, message: "is empty"))
                continue
            }
            let formID = formIndex.flatMap { SheetCell.text(row.cells[$0]) } ?? fallback ?? ""
            guard let form = catalog.resolvedForm(formID) else {
                problems.append(SheetProblem(row: row.number, column: formColumn, message: formID.isEmpty ? "is empty" : "'\(formID)' is not a form"))
                continue
            }
            var responses: [String: JSONValue] = [:]
            var rowProblems: [SheetProblem] = []
            let formColumns = Set(itemColumns(of: form))
            for (index, column) in table.header.enumerated() where index != codeIndex && index != formIndex {
                if !formColumns.contains(column), SheetCell.text(row.cells[index]) != nil {
                    rowProblems.append(SheetProblem(row: row.number, column: column, message: "is not an item of \(form.form.id); leave it empty"))
                }
            }
            for loaded in form.items {
                var cells: [String: String] = [:]
                for suffix in loaded.itemType.sheetColumns(for: loaded.body) {
                    if let index = table.column(loaded.item.id + suffix) { cells[suffix] = row.cells[index] }
                }
                switch loaded.itemType.response(fromCells: cells, for: loaded.body) {
                case .success(let response?): responses[loaded.item.id] = response
                case .success(nil): continue
                case .failure(let error):
                    rowProblems.append(SheetProblem(row: row.number, column: loaded.item.id + error.suffix, message: error.message))
                }
            }
            problems += rowProblems
            // A row with no answer at all is a paper that was not handed in, not a score of 0.
            if rowProblems.isEmpty && responses.isEmpty { continue }
            if rowProblems.isEmpty { entries.append(Entry(row: row.number, participantCode: code, formID: form.form.id, responses: responses)) }
        }
        return (entries, problems)
    }
}
