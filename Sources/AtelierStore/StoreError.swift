import Foundation

/// What the store refuses, with the ids involved and what to do.
public enum StoreError: Error, Equatable, CustomStringConvertible {
    case sessionNotFound(String, known: [String])
    case sessionExists(String)
    case noSession
    case ambiguousSession([String])
    case participantNotFound(String)
    case participantInOtherSession(code: String, session: String)
    case participantExists(String)
    case invalidParticipantCode(String)
    case formNotInProgram(form: String, program: String)
    case formNotOpen(form: String, session: String)
    case unknownForm(String)
    case unknownSlot(String, known: [String])
    case unknownStatus(String, known: [String])
    case programNotFound(String)
    case backupDestinationExists(String)
    case invalidInput(String)

    public var description: String {
        switch self {
        case .sessionNotFound(let id, let known):
            "no session '\(id)'" + (known.isEmpty ? "; create one with `atelier session create`" : "; sessions: \(known.joined(separator: ", "))")
        case .sessionExists(let id): "a session '\(id)' already exists; choose another --id"
        case .noSession: "there is no session yet; create one with `atelier session create` (or try `atelier demo`)"
        case .ambiguousSession(let ids): "there are several sessions (\(ids.joined(separator: ", "))); pass --session ID"
        case .participantNotFound(let code): "no participant '\(code)'; see `atelier participants list`"
        case .participantInOtherSession(let code, let session): "participant '\(code)' is registered in session '\(session)', not this one"
        case .participantExists(let code): "participant code '\(code)' is already registered"
        case .invalidParticipantCode(let code):
            "'\(code)' is not a valid participant code (6 characters from 2-9 and A-Z without I, L, O; the last one is a check): a character was probably mistyped"
        case .formNotInProgram(let form, let program): "form '\(form)' is not a form of program '\(program)'"
        case .formNotOpen(let form, let session):
            "form '\(form)' is not open in session '\(session)'; the trainer opens it with `atelier session open`"
        case .unknownForm(let form): "no assessment form '\(form)'; see `atelier assessment list`"
        case .unknownSlot(let slot, let known): "no slot '\(slot)' in this session; slots: \(known.joined(separator: ", "))"
        case .unknownStatus(let status, let known):
            "'\(status)' is not an attendance status of this session; statuses: \(known.joined(separator: ", "))"
        case .programNotFound(let id): "no program '\(id)'; see `atelier curricula list`"
        case .backupDestinationExists(let path): "\(path) already exists; choose a new file for the backup"
        case .invalidInput(let message): message
        }
    }
}
