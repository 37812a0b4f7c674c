import AtelierKernel
import Foundation

/// Reads participant registration sheets and the values people type in them.
///
/// The template's header is `code,name,sex,age_band,organization,organization_type,role,nationality,language`;
/// `phone` may be added. Values are read leniently where it is safe (`F`, `femme`, `أنثى` are all female)
/// and refused with the accepted values otherwise.
public enum ParticipantSheet {
    /// The template's columns, in order.
    public static let columns = ["code", "name", "sex", "age_band", "organization", "organization_type", "role", "nationality", "language"]
    /// Columns that may be added.
    public static let optionalColumns = ["phone"]

    /// The template: its header row.
    public static var template: [[String]] { [columns] }

    /// A row read from the sheet.
    public struct Entry: Sendable, Equatable {
        public var row: Int
        public var code: String?
        public var name: String?
        public var phone: String?
        public var sex: Sex
        public var ageBand: AgeBand
        public var organization: String?
        public var organizationType: OrganizationType
        public var role: String?
        public var nationality: String?
        public var language: String
    }

    /// Reads a sheet; returns the valid entries and a problem for each bad cell.
    public static func read(_ table: CSVTable) -> (entries: [Entry], problems: [SheetProblem]) {
        var problems: [SheetProblem] = []
        let missing = columns.filter { table.column($0) == nil }
        let unknown = table.header.filter { !columns.contains($0) && !optionalColumns.contains($0) }
        if !missing.isEmpty || !unknown.isEmpty {
            var message = "the header must be \(columns.joined(separator: ","))"
            if !missing.isEmpty { message += "; missing: \(missing.joined(separator: ", "))" }
            if !unknown.isEmpty { message += "; unknown: \(unknown.joined(separator: ", "))" }
            return ([], [SheetProblem(row: 1, column: "header", message: message)])
        }
        var entries: [Entry] = []
        var seenCodes: [String: Int] = [:]
        for row in table.rows where !row.isBlank {
            func cell(_ name: String) -> String? {
                guard let index = table.column(name) else { return nil }
                let value = row.cells[index].trimmingCharacters(in: .whitespacesAndNewlines)
                return value.isEmpty ? nil : value
            }
            var rowProblems: [SheetProblem] = []
            func parse<T>(_ column: String, _ parser: (String?) -> Result<T, ValueError>) -> T? {
                switch parser(cell(column)) {
                case .success(let value): return value
                case .failure(let error):
                    rowProblems.append(SheetProblem(row: row.number, column: column, message: error.message))
                    return nil
                }
            }
            let code = cell("code").map(ParticipantCode.normalize)
            if let code {
                if !ParticipantCode.isValid(code) {
                    rowProblems.append(
                        SheetProblem(
                            row: row.number,
                            column: "code",
                            message: StoreError.invalidParticipantCode(code).description + "; or leave it empty to generate one"
                        )
                    )
                } else if let first = seenCodes[code] {
                    rowProblems.append(SheetProblem(row: row.number, column: "code", message: "'\(code)' is also on row \(first)"))
                } else {
                    seenCodes[code] = row.number
                }
            }
            if let name = cell("name"), name.count > 200 {
                rowProblems.append(SheetProblem(row: row.number, column: "name", message: "is \(name.count) characters long; at most 200"))
            }
            let sex = parse("sex", Values.sex)
            let ageBand = parse("age_band", Values.ageBand)
            let organizationType = parse("organization_type", Values.organizationType)
            let nationality = parse("nationality", Values.nationality)
            let language = parse("language", Values.language)
            problems += rowProblems
            guard rowProblems.isEmpty, let sex, let ageBand, let organizationType, let language else { continue }
            entries.append(
                Entry(
                    row: row.number,
                    code: code,
                    name: cell("name"),
                    phone: cell("phone"),
                    sex: sex,
                    ageBand: ageBand,
                    organization: cell("organization"),
                    organizationType: organizationType,
                    role: cell("role"),
                    nationality: nationality ?? nil,
                    language: language
                )
            )
        }
        return (entries, problems)
    }
}

/// Why a typed value was refused.
public struct ValueError: Error, Equatable {
    /// What is wrong and what is accepted.
    public var message: String
}

/// The values people type for participant fields, read leniently in fr, en and ar.
public enum Values {
    static func lookup<T>(_ text: String?, _ table: [String: T], accepted: [String], field: String, required: Bool = true) -> Result<T, ValueError> {
        guard let text, !text.isEmpty else {
            return .failure(ValueError(message: "is empty; write one of \(accepted.joined(separator: ", "))"))
        }
        let key = text.lowercased().folding(options: .diacriticInsensitive, locale: nil).trimmingCharacters(in: .whitespaces)
        if let value = table[key] { return .success(value) }
        return .failure(ValueError(message: "'\(text)' is not a \(field); write one of \(accepted.joined(separator: ", "))"))
    }

    /// female, male, not-stated (also F/M, femme/homme, أنثى/ذكر).
    public static func sex(_ text: String?) -> Result<Sex, ValueError> {
        let table: [String: Sex] = [
            "female": .female, "f": .female, "femme": .female, "woman": .female, "feminin": .female, "أنثى": .female, "انثى": .female,
            "male": .male, "m": .male, "h": .male, "homme": .male, "man": .male, "masculin": .male, "ذكر": .male,
            "not-stated": .notStated, "-": .notStated, "nr": .notStated, "non renseigne": .notStated,
        ]
        return lookup(text, table, accepted: Sex.allCases.map(\.rawValue), field: "sex")
    }

    /// An age band; a bare age (`17`, `34`) is placed in its band.
    public static func ageBand(_ text: String?) -> Result<AgeBand, ValueError> {
        if let text, let age = Int(text.trimmingCharacters(in: .whitespaces)), (5...120).contains(age) {
            switch age {
            case ..<18: return .success(.under18)
            case 18...24: return .success(.from18to24)
            case 25...34: return .success(.from25to34)
            case 35...44: return .success(.from35to44)
            case 45...54: return .success(.from45to54)
            default: return .success(.from55)
            }
        }
        var table = Dictionary(uniqueKeysWithValues: AgeBand.allCases.map { ($0.rawValue, $0) })
        table["<18"] = .under18
        table["-18"] = .under18
        table["moins de 18"] = .under18
        table["55 +"] = .from55
        table["55-"] = .from55
        return lookup(text, table, accepted: AgeBand.allCases.map(\.rawValue), field: "age band")
    }

    /// An organization type (also common French names: gendarmerie, brigade des mineurs, justice, société civile…).
    public static func organizationType(_ text: String?) -> Result<OrganizationType, ValueError> {
        var table = Dictionary(uniqueKeysWithValues: OrganizationType.allCases.map { ($0.rawValue, $0) })
        table["brigade des mineurs"] = .minorsBrigade
        table["minors brigade"] = .minorsBrigade
        table["societe civile"] = .civilSociety
        table["civil society"] = .civilSociety
        table["ong"] = .civilSociety
        table["ngo"] = .civilSociety
        table["services sociaux"] = .socialServices
        table["autorite locale"] = .localAuthority
        table["mairie"] = .localAuthority
        table["leader religieux"] = .religiousOrCommunityLeader
        table["religious leader"] = .religiousOrCommunityLeader
        table["community leader"] = .religiousOrCommunityLeader
        table["autre"] = .other
        table["شرطة"] = .police
        table["درك"] = .gendarmerie
        return lookup(text, table, accepted: OrganizationType.allCases.map(\.rawValue), field: "organization type")
    }

    /// An ISO 3166-1 alpha-2 code such as MR, SN, ML; empty is allowed.
    public static func nationality(_ text: String?) -> Result<String?, ValueError> {
        guard let text, !text.isEmpty else { return .success(nil) }
        let code = text.trimmingCharacters(in: .whitespaces).uppercased()
        guard code.count == 2, code.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            return .failure(ValueError(message: "'\(text)' is not a two-letter country code; write e.g. MR, SN, ML, GM, GN, CI"))
        }
        return .success(code)
    }

    /// fr, en, ar, or another two- or three-letter language code (ff, snk, wo…).
    public static func language(_ text: String?) -> Result<String, ValueError> {
        guard let text, !text.isEmpty else {
            return .failure(ValueError(message: "is empty; write fr, en or ar (or another language code such as ff, wo)"))
        }
        let aliases = [
            "francais": "fr", "french": "fr", "anglais": "en", "english": "en", "arabe": "ar", "arabic": "ar", "عربية": "ar", "العربية": "ar",
        ]
        let key = text.lowercased().folding(options: .diacriticInsensitive, locale: nil).trimmingCharacters(in: .whitespaces)
        if let code = aliases[key] { return .success(code) }
        guard (2...3).contains(key.count), key.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            return .failure(ValueError(message: "'\(text)' is not a language code; write fr, en or ar (or ff, wo, snk…)"))
        }
        return .success(key)
    }
}
