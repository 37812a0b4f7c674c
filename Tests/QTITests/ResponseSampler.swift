import AtelierKernel

@testable import QTI

/// One response, as Atelier grades it and as a QTI delivery system would record it for the exported item.
struct SampledResponse: CustomStringConvertible {
    /// The Atelier response.
    var atelier: JSONValue
    /// The QTI response variables.
    var qti: [String: QTIResponseProcessor.Value]

    var description: String { atelier.serialized() }
}

/// Draws random responses to an item: right, wrong, partly right, partly unanswered.
enum ResponseSampler {
    /// A random response to `item`.
    static func sample(_ item: Item, using generator: inout SeededGenerator) -> SampledResponse {
        let body = item.body
        switch item.type {
        case "single-choice":
            let id = ids(body["choices"]).randomElement(using: &generator) ?? "a"
            return SampledResponse(atelier: .string(id), qti: ["RESPONSE": .atom(QTIIdentifier.make(id))])
        case "multiple-response":
            let chosen = ids(body["choices"]).filter { _ in Bool.random(using: &generator) }
            return SampledResponse(
                atelier: .array(chosen.map(JSONValue.string)),
                qti: ["RESPONSE": .container(chosen.map { .atom(QTIIdentifier.make($0)) }, ordered: false)]
            )
        case "true-false":
            let value = Bool.random(using: &generator)
            return SampledResponse(atelier: .bool(value), qti: ["RESPONSE": .atom(value ? "true" : "false")])
        case "short-text":
            let accepted = (body["accepted"]?.objectValue?.members ?? []).flatMap { $0.value.arrayValue?.compactMap(\.stringValue) ?? [] }
            let candidates = accepted + accepted.map { $0.uppercased() } + ["une autre réponse", "trafic"]
            let text = candidates.randomElement(using: &generator) ?? ""
            return SampledResponse(atelier: .string(text), qti: ["RESPONSE": .atom(text)])
        case "numeric":
            let answer = body["answer"]?.numberValue ?? 0
            let tolerance = body["tolerance"]?.numberValue ?? 0
            let offsets = [0, tolerance / 2, tolerance, -tolerance, tolerance + 1, -tolerance - 1, 10]
            let value = answer + (offsets.randomElement(using: &generator) ?? 0)
            return SampledResponse(atelier: .number(value), qti: ["RESPONSE": .number(value)])
        case "matching":
            let targets = ids(body["targets"])
            var pairs: [(key: String, value: JSONValue)] = []
            var values: [QTIResponseProcessor.Value] = []
            for premise in ids(body["premises"]) where Int.random(in: 0..<5, using: &generator) > 0 {
                let target = targets.randomElement(using: &generator) ?? "t1"
                pairs.append((key: premise, value: .string(target)))
                values.append(.atom("\(QTIIdentifier.make(premise)) \(QTIIdentifier.make(target))"))
            }
            return SampledResponse(atelier: .object(JSONObject(pairs)), qti: ["RESPONSE": .container(values, ordered: false)])
        case "ordering":
            let key = body["answer"]?.arrayValue?.compactMap(\.stringValue) ?? []
            let order = Int.random(in: 0..<4, using: &generator) == 0 ? key : key.shuffled(using: &generator)
            return SampledResponse(
                atelier: .array(order.map(JSONValue.string)),
                qti: ["RESPONSE": .container(order.map { .atom(QTIIdentifier.make($0)) }, ordered: true)]
            )
        case "case-analysis":
            var members: [(key: String, value: JSONValue)] = []
            var qti: [String: QTIResponseProcessor.Value] = [:]
            for (element, identifier) in [("act", "RESPONSE_ACT"), ("means", "RESPONSE_MEANS"), ("purpose", "RESPONSE_PURPOSE")]
            where Int.random(in: 0..<5, using: &generator) > 0 {
                let present = Bool.random(using: &generator)
                members.append((key: element, value: .bool(present)))
                qti[identifier] = .atom(present ? "yes" : "no")
            }
            if Int.random(in: 0..<5, using: &generator) > 0,
                let classification = ["trafficking", "smuggling", "both", "neither"].randomElement(using: &generator)
            {
                members.append((key: "classification", value: .string(classification)))
                qti["RESPONSE_CLASSIFICATION"] = .atom(classification)
            }
            return SampledResponse(atelier: .object(JSONObject(members)), qti: qti)
        default:
            return SampledResponse(atelier: .null, qti: [:])
        }
    }

    private static func ids(_ list: JSONValue?) -> [String] {
        list?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? []
    }
}
