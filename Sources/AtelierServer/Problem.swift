import AtelierKernel
import AtelierStore
import Foundation
import Hummingbird

/// An error answered as `application/problem+json` (RFC 9457), naming the field or item at fault.
///
/// Every error the API can produce becomes one of these; a domain error never becomes a bare 500.
public struct Problem: Error, HTTPResponseError, Sendable {
    /// The HTTP status.
    public var status: HTTPResponse.Status
    /// A short, stable summary of the problem type.
    public var title: String
    /// What happened here, and what to do.
    public var detail: String
    /// The JSON pointer or field at fault, when there is one.
    public var pointer: String?
    /// The item at fault, when there is one.
    public var item: String?
    /// Extra members (a conflicting submission's id…).
    public var extra: JSONObject = JSONObject()

    /// Creates a problem.
    public init(_ status: HTTPResponse.Status, _ title: String, detail: String, pointer: String? = nil, item: String? = nil) {
        self.status = status
        self.title = title
        self.detail = detail
        self.pointer = pointer
        self.item = item
    }

    /// The body.
    public var json: JSONValue {
        var object = JSONObject()
        object["type"] = .string("about:blank")
        object["title"] = .string(title)
        object["status"] = .number(Double(status.code))
        object["detail"] = .string(detail)
        if let pointer { object["pointer"] = .string(pointer) }
        if let item { object["item"] = .string(item) }
        for member in extra.members { object[member.key] = member.value }
        return .object(object)
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/problem+json; charset=utf-8"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: json.serialized())))
    }

    static func badRequest(_ detail: String, pointer: String? = nil, item: String? = nil) -> Problem {
        Problem(.badRequest, "Bad request", detail: detail, pointer: pointer, item: item)
    }

    static func notFound(_ detail: String, pointer: String? = nil) -> Problem { Problem(.notFound, "Not found", detail: detail, pointer: pointer) }

    static let unauthorized = Problem(
        .unauthorized,
        "Unauthorized",
        detail: "this endpoint needs a token: Authorization: Bearer TOKEN (create one with `atelier token create`)"
    )

    /// The problem for a store error.
    init(_ error: StoreError) {
        switch error {
        case .sessionNotFound: self = .notFound(error.description, pointer: "session")
        case .participantNotFound: self = Problem(.unprocessableContent, "Unknown participant", detail: error.description, pointer: "/participant")
        case .participantInOtherSession:
            self = Problem(.unprocessableContent, "Participant of another session", detail: error.description, pointer: "/participant")
        case .unknownForm: self = Problem(.unprocessableContent, "Unknown assessment", detail: error.description, pointer: "/assessment")
        case .formNotInProgram:
            self = Problem(.unprocessableContent, "Assessment not in this session", detail: error.description, pointer: "/assessment")
        case .formNotOpen: self = Problem(.conflict, "Assessment not open", detail: error.description, pointer: "/assessment")
        case .unknownSlot: self = Problem(.unprocessableContent, "Unknown slot", detail: error.description, pointer: "/slot")
        case .unknownStatus: self = Problem(.unprocessableContent, "Unknown status", detail: error.description, pointer: "/status")
        case .invalidParticipantCode:
            self = Problem(.unprocessableContent, "Invalid participant code", detail: error.description, pointer: "/participant")
        default: self = Problem(.unprocessableContent, "Refused", detail: error.description)
        }
    }
}

/// Reads a JSON request body with its size bounded, and reports malformed JSON with its position.
enum JSONBody {
    static func read(_ request: Request, context: some RequestContext) async throws -> JSONValue {
        let buffer: ByteBuffer
        // A declared length over the limit is refused at once, without waiting for (or reading) the body.
        if let declared = request.headers[.contentLength].flatMap({ Int($0) }), declared > context.maxUploadSize {
            throw Problem(.contentTooLarge, "Body too large", detail: "the body is larger than \(context.maxUploadSize) bytes")
        }
        do {
            buffer = try await request.body.collect(upTo: context.maxUploadSize)
        } catch {
            throw Problem(.contentTooLarge, "Body too large", detail: "the body is larger than \(context.maxUploadSize) bytes")
        }
        do {
            return try JSONParser.parseValue(Array(buffer.readableBytesView), maxDepth: 32)
        } catch {
            throw Problem.badRequest("malformed JSON at \(error.location): \(error.message)", pointer: "")
        }
    }
}

extension JSONValue {
    /// The member `key` as a string, or a problem naming it.
    func requiredString(_ key: String) throws -> String {
        guard let value = self[key] else { throw Problem.badRequest("missing \"\(key)\"", pointer: "/\(key)") }
        guard case .string(let string) = value else {
            throw Problem.badRequest("\"\(key)\" must be a string, found \(value.typeName)", pointer: "/\(key)")
        }
        return string
    }

    /// The member `key` as an object of responses, or a problem naming it.
    func requiredResponses(_ key: String = "responses") throws -> [String: JSONValue] {
        guard let value = self[key] else { throw Problem.badRequest("missing \"\(key)\"", pointer: "/\(key)") }
        guard case .object(let object) = value else {
            throw Problem.badRequest("\"\(key)\" must be an object keyed by item id, found \(value.typeName)", pointer: "/\(key)")
        }
        guard object.count <= 1_000 else { throw Problem.badRequest("\"\(key)\" has \(object.count) members; at most 1000", pointer: "/\(key)") }
        return Dictionary(uniqueKeysWithValues: object.members.map { ($0.key, $0.value) })
    }

    /// Rejects members other than `allowed`.
    func onlyKeys(_ allowed: [String]) throws {
        guard case .object(let object) = self else { throw Problem.badRequest("the body must be a JSON object, found \(typeName)", pointer: "") }
        if let unknown = object.keys.first(where: { !allowed.contains($0) }) {
            throw Problem.badRequest("unknown member \"\(unknown)\"; allowed: \(allowed.joined(separator: ", "))", pointer: "/\(unknown)")
        }
    }
}
