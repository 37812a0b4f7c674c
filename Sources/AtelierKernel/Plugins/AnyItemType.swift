import Foundation

/// An item type with its body type erased, as the registry and the catalog hold it.
public struct AnyItemType: Sendable {
    /// The kind string.
    public let kind: String
    /// What the type is.
    public let summary: String
    /// The schema of the body.
    public let bodySchema: Schema
    /// Whether items of this type are scored.
    public let isScored: Bool

    private let decodeBody: @Sendable (JSONValue) throws -> any Sendable
    private let checkBody: @Sendable (any Sendable, ItemCheckContext) -> ItemDiagnostics
    private let presentBody: @Sendable (any Sendable, PresentationContext) -> JSONValue
    private let gradeBody: @Sendable (JSONValue, any Sendable, GradingContext) -> ResponseGrade
    private let guessBody: @Sendable (any Sendable, GradingContext) -> Double?
    private let correctBody: @Sendable (any Sendable) -> JSONValue
    private let columnsBody: @Sendable (any Sendable) -> [String]
    private let cellsBody: @Sendable ([String: String], any Sendable) -> Result<JSONValue?, SheetCellError>

    /// Wraps a concrete item type.
    public init<T: ItemType>(_ type: T) {
        kind = type.kind
        summary = type.summary
        bodySchema = type.bodySchema
        isScored = type.isScored
        decodeBody = { try $0.decode(T.Body.self) }
        checkBody = { body, context in
            var diagnostics = ItemDiagnostics()
            if let body = body as? T.Body { type.check(body, in: context, diagnostics: &diagnostics) }
            return diagnostics
        }
        presentBody = { body, context in (body as? T.Body).map { type.present($0, in: context) } ?? .null }
        gradeBody = { response, body, context in
            guard let body = body as? T.Body else { return .invalid("the item's body was not prepared by its type") }
            return type.grade(response, against: body, in: context)
        }
        guessBody = { body, context in (body as? T.Body).flatMap { type.randomGuessFraction(for: $0, in: context) } }
        correctBody = { body in (body as? T.Body).map { type.correctResponse(for: $0) } ?? .null }
        columnsBody = { body in (body as? T.Body).map { type.sheetColumns(for: $0) } ?? [""] }
        cellsBody = { cells, body in
            guard let body = body as? T.Body else { return .failure(SheetCellError("the item's body was not prepared by its type")) }
            return type.response(fromCells: cells, for: body)
        }
    }

    /// Decodes a body that has passed the schema checks.
    public func decode(_ body: JSONValue) throws -> PreparedBody { PreparedBody(value: try decodeBody(body)) }

    /// Runs the type's semantic checks.
    public func check(_ body: PreparedBody, in context: ItemCheckContext) -> ItemDiagnostics { checkBody(body.value, context) }

    /// Presents a body.
    public func present(_ body: PreparedBody, in context: PresentationContext) -> JSONValue { presentBody(body.value, context) }

    /// Grades an answered response.
    public func grade(_ response: JSONValue, against body: PreparedBody, in context: GradingContext) -> ResponseGrade {
        gradeBody(response, body.value, context)
    }

    /// The random-guess fraction.
    public func randomGuessFraction(for body: PreparedBody, in context: GradingContext) -> Double? { guessBody(body.value, context) }

    /// The item's columns in a one-row-per-participant sheet, as suffixes of its id.
    public func sheetColumns(for body: PreparedBody) -> [String] { columnsBody(body.value) }

    /// Reads a response from the item's cells.
    public func response(fromCells cells: [String: String], for body: PreparedBody) -> Result<JSONValue?, SheetCellError> {
        cellsBody(cells, body.value)
    }

    /// A fully correct response.
    public func correctResponse(for body: PreparedBody) -> JSONValue { correctBody(body.value) }
}

/// A body decoded by its item type, kept with the loaded item so grading never decodes again.
public struct PreparedBody: Sendable {
    let value: any Sendable
}
