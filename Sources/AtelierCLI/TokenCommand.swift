import ArgumentParser
import AtelierKernel
import AtelierServer
import AtelierStore
import Foundation

/// `atelier token create|list|revoke`.
struct TokenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Create, list and revoke API tokens (stored hashed; shown once).",
        subcommands: [Create.self, List.self, Revoke.self]
    )

    struct Create: EnvironmentCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a token; prints it alone on the last line (it is not stored and cannot be shown again).",
            discussion:
                "A trainer token may post submissions and attendance; a manager token reads results.\n\nExample:\n  TOKEN=$(atelier token create --role trainer | tail -n 1)"
        )
        @Option(name: .long, help: "trainer or manager.") var role: String
        @Option(name: .long, help: "What or who the token is for.") var label: String = ""
        @OptionGroup var storeOptions: StoreOptions

        func run(in environment: CLIEnvironment) async throws {
            guard let role = APIToken.Role(rawValue: role) else {
                throw CLIError(message: "'\(self.role)' is not a role", hint: "use trainer or manager")
            }
            let store = try storeOptions.open(in: environment)
            let (secret, token) = TokenAuthenticator.make(role: role, label: label)
            try await store.createToken(token, actor: environment.actor)
            environment.writeOutput("created \(role.rawValue) token \(token.id); keep it secret, it is shown only now:")
            environment.writeOutput(secret)
        }
    }

    struct List: EnvironmentCommand {
        static let configuration = CommandConfiguration(
            abstract: "List tokens (ids and roles; never the secrets).",
            discussion: "JSON output: [{\"id\", \"role\", \"label\", \"createdAt\", \"revoked\"}].\n\nExample:\n  atelier token list"
        )
        @Option(name: .long, help: "Output format: text or json.") var format: OutputFormat = .text
        @OptionGroup var storeOptions: StoreOptions

        func run(in environment: CLIEnvironment) async throws {
            let tokens = try await storeOptions.open(in: environment).tokens()
            let formatter = ISO8601DateFormatter()
            switch format {
            case .json:
                environment.writeOutput(
                    JSONValue.array(
                        tokens.map {
                            [
                                "id": .string($0.id), "role": .string($0.role.rawValue), "label": .string($0.label),
                                "createdAt": .string(formatter.string(from: $0.createdAt)),
                                "revoked": .bool($0.revokedAt != nil),
                            ]
                        }
                    ).serialized(pretty: true)
                )
            case .text:
                var table = TextTable(columns: ["ID", "ROLE", "CREATED", "STATE", "LABEL"])
                for token in tokens {
                    table.add([
                        token.id, token.role.rawValue, formatter.string(from: token.createdAt), token.revokedAt == nil ? "active" : "revoked",
                        token.label,
                    ])
                }
                environment.writeOutput(tokens.isEmpty ? "no token yet: atelier token create --role trainer" : table.rendered)
            }
        }
    }

    struct Revoke: EnvironmentCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a token by id.", discussion: "Example:\n  atelier token revoke k7m2qxab")
        @Argument(help: "The token id (see `atelier token list`).") var id: String
        @OptionGroup var storeOptions: StoreOptions

        func run(in environment: CLIEnvironment) async throws {
            guard try await storeOptions.open(in: environment).revokeToken(id, actor: environment.actor) else {
                throw CLIError(message: "no active token '\(id)'", hint: "see `atelier token list`")
            }
            environment.writeOutput("revoked \(id)")
        }
    }
}
