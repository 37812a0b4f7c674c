import ArgumentParser
import AtelierKernel
import AtelierServer
import AtelierStore
import Foundation
import Logging

/// `atelier serve`: the embedded HTTP server.
struct ServeCommand: EnvironmentCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve participant pages and the JSON API on the local network (no internet needed).",
        discussion: """
            Participants join the laptop's Wi-Fi and open one of the addresses printed at start. The API is under /api/v1
            and described at /openapi.json; it needs a token (`atelier token create`). Ctrl-C stops the server
            gracefully: submissions in flight are committed or refused, never half-written.

            Example:
              atelier serve --demo
            """
    )
    @Option(name: .long, help: "The address to listen on (0.0.0.0: every network interface).") var host: String = "0.0.0.0"
    @Option(name: .long, help: "The port.") var port: Int = 8080
    @Flag(name: .long, help: "Seed the demo session into an empty database first.") var demo = false
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var contentOptions: ContentOptions

    func run(in environment: CLIEnvironment) async throws {
        let catalog = try contentOptions.loadCatalog(in: environment)
        let store = try storeOptions.open(in: environment)
        if demo, try await store.sessions().isEmpty {
            _ = try await DemoSession(catalog: catalog, store: store, actor: environment.actor, progress: environment.progress).create()
            environment.writeOutput("seeded the demo session \(DemoCommand.sessionID)")
        }
        let committer = SubmissionCommitter(store: store)
        let dependencies = try await ServerDependencies.make(catalog: catalog, store: store, committer: committer)
        var logger = Logger(label: "atelier")
        logger.logLevel = environment.variables["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
        for session in try await store.sessions() {
            environment.writeOutput("session \(session.id): join code \(session.joinCode)")
        }
        try await runServer(configuration: ServerConfiguration(host: host, port: port), dependencies: dependencies, logger: logger) { port in
            environment.writeOutput("Atelier is serving. Participants open one of these on a phone on the same network:")
            for address in NetworkAddresses.local() { environment.writeOutput("  http://\(address):\(port)/") }
            environment.writeOutput("  (on this laptop: http://localhost:\(port)/)")
        }
    }
}

/// The machine's IPv4 addresses on its networks (not loopback).
enum NetworkAddresses {
    static func local() -> [String] {
        var addresses: [String] = []
        var pointer: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&pointer) == 0, let first = pointer else { return [] }
        defer { freeifaddrs(pointer) }
        var cursor: UnsafeMutablePointer<ifaddrs>? = first
        while let entry = cursor {
            defer { cursor = entry.pointee.ifa_next }
            guard let address = entry.pointee.ifa_addr, address.pointee.sa_family == UInt8(AF_INET) else { continue }
            var host = [CChar](repeating: 0, count: Int(NI_MAXHOST))
            if getnameinfo(address, socklen_t(MemoryLayout<sockaddr_in>.size), &host, socklen_t(host.count), nil, 0, NI_NUMERICHOST) == 0 {
                let text = String(cString: host)
                if !text.hasPrefix("127.") { addresses.append(text) }
            }
        }
        return addresses
    }
}
