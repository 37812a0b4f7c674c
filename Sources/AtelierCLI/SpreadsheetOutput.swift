import ArgumentParser
import AtelierKernel
import Foundation

/// `--delimiter` for commands that write spreadsheets.
struct SpreadsheetOutput: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp("CSV delimiter: ',' (default), ';' (spreadsheets set up for French) or 'tab'.", valueName: "delimiter")
    )
    var delimiter: String = ","

    func validate() throws {
        guard SpreadsheetOutput.character(delimiter) != nil else {
            throw ValidationError("--delimiter must be ',', ';' or 'tab', not '\(delimiter)'")
        }
    }

    static func character(_ text: String) -> Character? {
        switch text {
        case ",": ","
        case ";": ";"
        case "tab", "\\t", "\t": "\t"
        default: nil
        }
    }

    /// The options: the delimiter, a byte-order mark (Excel needs it for accents and Arabic), formulas guarded.
    var options: SpreadsheetOptions { SpreadsheetOptions(delimiter: SpreadsheetOutput.character(delimiter) ?? ",") }

    /// The sheet's bytes.
    func write(_ rows: [[String]], in environment: CLIEnvironment) throws -> Data {
        try environment.spreadsheetCodec().write(rows, options: options)
    }
}

extension CLIEnvironment {
    /// The registered CSV codec.
    func spreadsheetCodec() throws -> any SpreadsheetCodec {
        guard let codec = registry.spreadsheets.first(where: { $0.format == "csv" }) else {
            throw CLIError(message: "no CSV codec is installed", hint: "the Spreadsheets plugin belongs in the registry (Sources/atelier/main.swift)")
        }
        return codec
    }

    /// Writes a file's bytes to standard output as text (a sheet printed for redirection, BOM included).
    func writeOutput(bytes: Data) {
        var text = String(decoding: bytes, as: UTF8.self)
        if text.hasSuffix("\r\n") { text.removeLast() } else if text.hasSuffix("\n") { text.removeLast() }
        writeOutput(text)
    }
}

/// Output formats of commands that list rows: a table on the terminal, JSON, or CSV for a spreadsheet.
enum TableOutputFormat: String, CaseIterable, ExpressibleByArgument {
    case text, json, csv
}
