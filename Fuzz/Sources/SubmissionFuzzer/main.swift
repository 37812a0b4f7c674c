// Fuzzes the submission decoder: the body of `POST /api/v1/sessions/{session}/submissions` parsed as the
// server does (JSONBody.read: JSONParser.parseValue, depth 32), its members checked as APIController.submit
// checks them (Sources/AtelierServer/Problem.swift), then graded by FormGrader against a shipped form, as
// ServerDependencies.intake does. The catalog (Curricula + Assessments) is loaded once.
// The server module itself is not linked (Hummingbird, GRDB); the few lines it runs are mirrored here.
import AtelierKernel
import Foundation
import FuzzDriver
import FuzzHarness

nonisolated(unsafe) private var catalog: ContentCatalog?
nonisolated(unsafe) private var formIDs: [String] = []

/// Mirrors `JSONValue.requiredString` (Problem.swift).
private func requiredString(_ body: JSONValue, _ key: String) -> String? {
    guard case .string(let string)? = body[key] else { return nil }
    return string
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    if catalog == nil {
        let result = ContentLoader(registry: FuzzHarness.registry)
            .load(paths: [FuzzHarness.root + "/Curricula", FuzzHarness.root + "/Assessments"])
        guard !result.catalog.forms.isEmpty else { fatalError("no forms loaded from \(FuzzHarness.root)") }
        catalog = result.catalog
        formIDs = result.catalog.orderedForms.map(\.id)
    }
    let bytes = Array(UnsafeRawBufferPointer(start: start, count: count))
    // JSONBody.read
    guard let body = try? JSONParser.parseValue(bytes, maxDepth: 32) else { return 0 }
    // body.onlyKeys([...])
    guard case .object(let object) = body else { return 0 }
    let allowed = ["id", "participant", "assessment", "phase", "responses"]
    guard object.keys.allSatisfy(allowed.contains) else { return 0 }
    guard let id = requiredString(body, "id"), UUID(uuidString: id) != nil else { return 0 }
    guard requiredString(body, "participant") != nil, let formID = requiredString(body, "assessment") else { return 0 }
    // body.requiredResponses()
    guard case .object(let responsesObject)? = body["responses"], responsesObject.count <= 1_000 else { return 0 }
    let responses = Dictionary(responsesObject.members.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
    if body["phase"] != nil, requiredString(body, "phase") == nil { return 0 }
    // intake: an unknown form is a 404 in the server; here the fuzzer grades against the form named, or
    // else against one picked from the input, so that every shipped form's items are reached.
    let form = catalog!.resolvedForm(formID) ?? catalog!.resolvedForm(formIDs[count % formIDs.count])!
    let grade = FormGrader.grade(form, responses: responses)
    _ = (grade.score, grade.percent, grade.passed, grade.items.count)
    return 0
}

/// The entry point SwiftPM's link expects (`main=SubmissionFuzzer_main`): hands over to libFuzzer.
@_cdecl("SubmissionFuzzer_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    if let directory = ProcessInfo.processInfo.environment["ATELIER_FUZZ_WRITE_SEEDS"] {
        writeSeeds(to: directory)
        return 0
    }
    return atelier_fuzz_main(argc, argv)
}

/// Writes seed bodies (the corpus of Fuzz/Corpus/submission): for each shipped form, its answer key
/// (as LeakTests sends it), a blank sheet, and wrong shapes for every item.
private func writeSeeds(to directory: String) {
    let result = ContentLoader(registry: FuzzHarness.registry)
        .load(paths: [FuzzHarness.root + "/Curricula", FuzzHarness.root + "/Assessments"])
    try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    for form in result.catalog.orderedForms {
        guard let resolved = result.catalog.resolvedForm(form.id) else { continue }
        let key = JSONObject(resolved.items.map { (key: $0.item.id, value: $0.itemType.correctResponse(for: $0.body)) })
        let wrong = JSONObject(
            resolved.items.enumerated().map { index, loaded in
                let shapes: [JSONValue] = [
                    .string("z"), .number(-1), .bool(true), .array([.string("a"), .number(2)]), .null,
                    .object(JSONObject([(key: "x", value: .string("y"))])),
                ]
                return (key: loaded.item.id, value: shapes[index % shapes.count])
            }
        )
        let bodies: [(String, JSONValue)] = [
            (
                "key",
                .object(
                    JSONObject([
                        (key: "id", value: .string("6F9619FF-8B86-D011-B42D-00C04FC964FF")), (key: "participant", value: .string("P001")),
                        (key: "assessment", value: .string(form.id)), (key: "phase", value: .string(form.phase.rawValue)),
                        (key: "responses", value: .object(key)),
                    ])
                )
            ),
            (
                "blank",
                .object(
                    JSONObject([
                        (key: "id", value: .string("6F9619FF-8B86-D011-B42D-00C04FC964FE")), (key: "participant", value: .string("P002")),
                        (key: "assessment", value: .string(form.id)), (key: "responses", value: .object(JSONObject())),
                    ])
                )
            ),
            (
                "wrong",
                .object(
                    JSONObject([
                        (key: "id", value: .string("6F9619FF-8B86-D011-B42D-00C04FC964FD")), (key: "participant", value: .string("P003")),
                        (key: "assessment", value: .string(form.id)), (key: "responses", value: .object(wrong)),
                    ])
                )
            ),
        ]
        for (name, body) in bodies {
            FileManager.default.createFile(atPath: "\(directory)/\(form.id).\(name).json", contents: Data(body.serialized().utf8))
        }
    }
}
