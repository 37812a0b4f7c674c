import AtelierKernel
import Foundation
import ZIPFoundation

/// Exports items, or a whole form, as an IMS QTI 3.0 content package.
///
/// The package is a zip holding:
/// - `imsmanifest.xml`: one resource per item file and one for the test, which depends on the items;
/// - `items/<id>.xml`: one `qti-assessment-item` per item;
/// - `tests/<test id>.xml`: a `qti-assessment-test` with one test part and one section referencing every
///   item in order.
///
/// Every type of the standard set has a QTI interaction with response processing that gives Atelier's
/// score (scaled to the item's points): single choice, multiple response (per the form's policy),
/// true/false, short text, numeric (with its tolerance), matching, ordering (with its partial-credit
/// rule), a rating scale as an unscored survey item, and the case analysis as a composite item of four
/// interactions. Texts are written in `language`, or in every language side by side when `language` is
/// `all` (see ``QTITextWriter``). What QTI cannot carry is listed in the result's losses; an item that
/// cannot be written at all is left out and says so there.
///
/// ```swift
/// let exporter = QTIPackageExporter()
/// let result = exporter.exportPackage(form: catalog.resolvedForm("definitions.pre")!, language: "fr")
/// try result.data.write(to: URL(fileURLWithPath: "definitions.pre.zip"))
/// ```
public struct QTIPackageExporter: ContentExporter {
    /// Creates the exporter.
    public init() {}

    /// `qti`.
    public let format = "qti"
    /// `application/zip`: the package is one zip file.
    public let mediaType = "application/zip"

    /// The date given to every file of the package, so that the same items give the same bytes.
    static let fileDate = Date(timeIntervalSince1970: 1_767_225_600)

    /// Exports `items` as a package whose test is ``QTIPackageSettings/plainItems``.
    ///
    /// - Parameters:
    ///   - items: the items, in the order of the test.
    ///   - language: the language to write (`fr`, `en`, `ar`…), or `all` for every language side by side.
    /// - Returns: the zip and what QTI could not carry.
    public func export(_ items: [Item], language: String) -> ExportResult {
        exportPackage(items: items, settings: .plainItems, language: language)
    }

    /// Exports `items` as a package whose test has `title` and `identifier` (a form's title and id).
    ///
    /// - Parameters:
    ///   - items: the items, in the order of the test.
    ///   - title: the test's title.
    ///   - identifier: the test's identifier (an Atelier id; made a valid QTI identifier).
    ///   - language: the language to write, or `all`.
    /// - Returns: the zip and what QTI could not carry.
    public func exportPackage(items: [Item], title: String, identifier: String, language: String) -> ExportResult {
        exportPackage(items: items, settings: QTIPackageSettings(identifier: identifier, title: title), language: language)
    }

    /// The protocol's form export: ``exportPackage(form:language:)``.
    public func export(form: ResolvedForm, language: String) -> ExportResult {
        exportPackage(form: form, language: language)
    }

    /// Exports a form: its items, id, title, instructions, time limit, multiple-response policy and shuffling.
    ///
    /// - Parameters:
    ///   - form: the form with its items resolved.
    ///   - language: the language to write, or `all`.
    /// - Returns: the zip and what QTI could not carry.
    public func exportPackage(form: ResolvedForm, language: String) -> ExportResult {
        exportPackage(items: form.items.map(\.item), settings: QTIPackageSettings(form: form.form, language: language), language: language)
    }

    /// Exports `items` as a package whose test is described by `settings`.
    ///
    /// - Parameters:
    ///   - items: the items, in the order of the test.
    ///   - settings: the test's identity and delivery rules.
    ///   - language: the language to write, or `all`.
    /// - Returns: the zip and what QTI could not carry (an empty zip, with the reason as a loss, if the
    ///   archive could not be written).
    public func exportPackage(items: [Item], settings: QTIPackageSettings, language: String) -> ExportResult {
        var losses: [String] = []
        var entries: [QTIPackageDocuments.ItemEntry] = []
        var files: [(path: String, text: String)] = []
        var used: Set<String> = []
        var unwritten: [String] = []
        for item in items {
            var identifier = QTIIdentifier.make(item.id)
            if used.contains(identifier) {
                let base = identifier
                var suffix = 2
                while used.contains("\(base)-\(suffix)") { suffix += 1 }
                identifier = "\(base)-\(suffix)"
                losses.append("\(item.id) appears more than once; the copy is written as \(identifier).")
            }
            var writer = QTIItemWriter(item: item, identifier: identifier, language: language, settings: settings)
            do {
                let document = try writer.document()
                used.insert(identifier)
                let path = "items/\(identifier).xml"
                files.append((path, document))
                entries.append(QTIPackageDocuments.ItemEntry(identifier: identifier, path: path, objectives: item.objectives))
                losses += writer.losses
                if item.sources?.isEmpty == false || item.externalId != nil || item.category != nil { unwritten.append(item.id) }
            } catch {
                losses.append("\(item.id) (\(item.type)) is left out: \(error.reason).")
            }
        }
        if !unwritten.isEmpty {
            losses.append(
                "The sources, external ids and categories of \(unwritten.joined(separator: ", ")) are not written: QTI items have no place for them."
            )
        }
        let testIdentifier = QTIIdentifier.make(settings.identifier)
        let testPath = "tests/\(testIdentifier).xml"
        let test = QTIPackageDocuments.test(identifier: testIdentifier, settings: settings, items: entries, language: language, testPath: testPath)
        let manifest = QTIPackageDocuments.manifest(identifier: testIdentifier, testPath: testPath, items: entries)
        do {
            let data = try QTIPackageExporter.zip([("imsmanifest.xml", manifest)] + files + [(testPath, test)])
            return ExportResult(data: data, losses: losses)
        } catch {
            return ExportResult(data: Data(), losses: losses + ["The package could not be written: \(error)."])
        }
    }

    /// A zip of `files` (UTF-8 text, deflated), in order.
    static func zip(_ files: [(path: String, text: String)]) throws -> Data {
        let archive = try Archive(accessMode: .create)
        for file in files {
            let data = Data(file.text.utf8)
            try archive.addEntry(
                with: file.path,
                type: .file,
                uncompressedSize: Int64(data.count),
                modificationDate: fileDate,
                compressionMethod: .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return archive.data ?? Data()
    }
}
