import AtelierKernel

// Reading responses typed from paper forms or exported by survey tools, one row per participant.

extension SingleChoice {
    /// The cell holds the chosen option's id (`b`, any case).
    public func response(fromCells cells: [String: String], for body: Body) -> Result<JSONValue?, SheetCellError> {
        guard let text = SheetCell.text(cells[""]) else { return .success(nil) }
        guard let choice = body.choices.first(where: { $0.id.lowercased() == text.lowercased() }) else {
            return .failure(SheetCellError("'\(text)' is not one of the choices \(Choice.list(body.choices))"))
        }
        return .success(.string(choice.id))
    }
}

extension MultipleResponse {
    /// The cell lists the chosen ids (`a c`, `a;c`); `-` means none chosen.
    public func response(fromCells cells: [String: String], for body: Body) -> Result<JSONValue?, SheetCellError> {
        guard let text = SheetCell.text(cells[""]) else { return .success(nil) }
        if ["-", "none", "aucun", "aucune", "لا شيء"].contains(text.lowercased()) { return .success([]) }
        var chosen: [JSONValue] = []
        for id in SheetCell.list(text) {
            guard let choice = body.choices.first(where: { $0.id.lowercased() == id.lowercased() }) else {
                return .failure(SheetCellError("'\(id)' is not one of the choices \(Choice.list(body.choices)); list the chosen ones, e.g. \"a c\""))
            }
            chosen.append(.string(choice.id))
        }
        return .success(.array(chosen))
    }
}

extension TrueFalse {
    /// The cell says true or false (vrai/faux, V/F, 1/0, صحيح/خطأ…).
    public func response(fromCells cells: [String: String], for body: Body) -> Result<JSONValue?, SheetCellError> {
        guard let text = SheetCell.text(cells[""]) else { return .success(nil) }
        guard let value = SheetCell.yesNo(text) else {
            return .failure(SheetCellError("'\(text)' is neither true nor false; write V or F (or 1 or 0)"))
        }
        return .success(.bool(value))
    }
}

extension Matching {
    /// One column per premise (`ITEM.p1`), holding the target's id.
    public func sheetColumns(for body: Body) -> [String] { body.premises.map { ".\($0.id)" } }

    public func response(fromCells cells: [String: String], for body: Body) -> Result<JSONValue?, SheetCellError> {
        var pairs = JSONObject()
        for premise in body.premises {
            guard let text = SheetCell.text(cells[".\(premise.id)"]) else { continue }
            guard let target = body.targets.first(where: { $0.id.lowercased() == text.lowercased() }) else {
                return .failure(SheetCellError(suffix: ".\(premise.id)", "'\(text)' is not one of the targets \(Choice.list(body.targets))"))
            }
            pairs[premise.id] = .string(target.id)
        }
        return .success(pairs.count == 0 ? nil : .object(pairs))
    }
}

extension Ordering {
    /// The cell lists the element ids in order (`e2 e1 e3`).
    public func response(fromCells cells: [String: String], for body: Body) -> Result<JSONValue?, SheetCellError> {
        guard let text = SheetCell.text(cells[""]) else { return .success(nil) }
        var order: [JSONValue] = []
        for id in SheetCell.list(text) {
            guard let element = body.elements.first(where: { $0.id.lowercased() == id.lowercased() }) else {
                return .failure(SheetCellError("'\(id)' is not one of the elements \(Choice.list(body.elements))"))
            }
            order.append(.string(element.id))
        }
        return .success(.array(order))
    }
}

extension Numeric {
    /// The cell holds a number as written by hand (`18`, `2,5`, `١٨`).
    public func response(fromCells cells: [String: String], for body: Body) -> Result<JSONValue?, SheetCellError> {
        guard let text = SheetCell.text(cells[""]) else { return .success(nil) }
        guard let value = Numeric.parse(text) else { return .failure(SheetCellError("'\(text)' is not a number")) }
        return .success(.number(value))
    }
}

extension ShortText {
    /// The cell holds the answer as written.
    public func response(fromCells cells: [String: String], for body: Body) -> Result<JSONValue?, SheetCellError> {
        .success(SheetCell.text(cells[""]).map(JSONValue.string))
    }
}

extension Likert {
    /// The cell holds a value of the scale.
    public func response(fromCells cells: [String: String], for body: Body) -> Result<JSONValue?, SheetCellError> {
        guard let text = SheetCell.text(cells[""]) else { return .success(nil) }
        guard let value = Numeric.parse(text), let point = body.scale.first(where: { Double($0.value) == value }) else {
            return .failure(SheetCellError("'\(text)' is not on the scale \(body.scale.map { String($0.value) }.joined(separator: ", "))"))
        }
        return .success(.number(Double(point.value)))
    }
}
