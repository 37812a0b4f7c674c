import AtelierKernel
import Foundation
import Testing

@testable import Spreadsheets

@Suite("CSV spreadsheets (CSV.swift)")
struct CSVSpreadsheetCodecTests {
    let codec = CSVSpreadsheetCodec()

    func read(_ text: String) throws -> CSVTable { try codec.read(Data(text.utf8)) }

    @Test("reads what spreadsheets write: BOM, CRLF, quotes, doubled quotes, line breaks in cells")
    func reads() throws {
        let table = try read("\u{FEFF}code,name,role\r\nK7M2QX,\"Ba, Mamadou\",\"Chef \"\"adjoint\"\"\"\r\n,\"Aminetou\nMint Ahmed\",\r\n")
        #expect(table.header == ["code", "name", "role"])
        #expect(table.rows.map(\.cells) == [["K7M2QX", "Ba, Mamadou", "Chef \"adjoint\""], ["", "Aminetou\nMint Ahmed", ""]])
        #expect(table.rows.map(\.number) == [2, 3])
        #expect(table.delimiter == ",")
    }

    @Test("semicolons and tabs are found in the header; blank lines are skipped; short rows are padded")
    func delimiters() throws {
        #expect(try read("code;name\nA;Fatimata Sy\n").rows[0].cells == ["A", "Fatimata Sy"])
        #expect(try read("code\tname\nA\tFatimata Sy\n").delimiter == "\t")
        let table = try read("a,b\n\n1,2\n,\n3\n")
        #expect(table.rows.map(\.cells) == [["1", "2"], ["3", ""]])
        // Row numbers are the spreadsheet's: blank rows are counted.
        #expect(table.rows.map(\.number) == [3, 5])
    }

    @Test("bad files are refused with the row and what to do")
    func errors() {
        #expect(throws: CSVError(row: 3, message: "a quoted cell is not closed (a '\"' is missing)")) { try read("a,b\n1,2\n\"3,4\n") }
        #expect(throws: CSVError(row: 2, message: "3 cells but the header has 2 columns (a delimiter inside a cell must be quoted)")) {
            try read("a,b\n1,2,3\n")
        }
        #expect(throws: CSVError(row: 1, message: "the file is empty: a header row is expected")) { try read("") }
    }

    @Test("Windows-1252 files (older Excel) are read")
    func windows1252() throws {
        let data = try #require("code,nom\nA,Fatimata Sané\n".data(using: .windowsCP1252))
        #expect(try codec.read(data).rows[0].cells == ["A", "Fatimata Sané"])
    }

    @Test("writes UTF-8 with a BOM, CRLF and RFC 4180 quoting; reading it back gives the same cells")
    func roundTrip() throws {
        let rows = [
            ["code", "nom", "الاسم", "note"],
            ["K7M2QX", "Ba, Mamadou", "محمد \"الأمين\"", "ligne 1\nligne 2"],
            ["-", "=1+1", "+33 6 12", "-2,5"],
        ]
        for delimiter: Character in [",", ";", "\t"] {
            let data = codec.write(rows, options: SpreadsheetOptions(delimiter: delimiter))
            #expect(data.starts(with: [0xEF, 0xBB, 0xBF]))
            let text = String(decoding: data, as: UTF8.self)
            #expect(text.contains("\r\n"))
            let back = try codec.read(data)
            #expect(back.delimiter == delimiter)
            #expect(back.header == rows[0])
            #expect(back.rows[0].cells == rows[1])
            // Formulas are neutralised; plain numbers are not touched.
            #expect(back.rows[1].cells == ["'-", "'=1+1", "'+33 6 12", "-2,5"])
        }
        let plain = codec.write([["a"]], options: SpreadsheetOptions(byteOrderMark: false, protectFormulas: false))
        #expect(String(decoding: plain, as: UTF8.self) == "a\r\n")
    }

    @Test("a report's tables become rows: a title, the header, the rows, the note, a blank row")
    func reportRows() throws {
        let document = ReportDocument(
            title: "t",
            language: "fr",
            sections: [
                .init(
                    heading: "Scores",
                    blocks: [
                        .paragraph("ignored"),
                        .table(.init(columns: ["Groupe", "n"], rows: [["femmes", "12"], ["hommes", nil]], note: "Groupes de moins de 5 masqués")),
                    ]
                )
            ]
        )
        let back = try codec.read(codec.write(document.spreadsheetRows, options: SpreadsheetOptions(delimiter: ";")))
        #expect(back.header == ["Scores", ""])
        #expect(back.rows.map(\.cells) == [["Groupe", "n"], ["femmes", "12"], ["hommes", ""], ["Groupes de moins de 5 masqués", ""]])
    }
}
