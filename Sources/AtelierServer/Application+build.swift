import AtelierKernel
import AtelierStore
import Foundation
import Hummingbird
import Logging

/// Where and how the server listens.
public struct ServerConfiguration: Sendable {
    /// The address to bind: `0.0.0.0` so that phones on the Wi-Fi reach it.
    public var host: String
    /// The port.
    public var port: Int

    /// Creates a configuration.
    public init(host: String = "0.0.0.0", port: Int = 8080) {
        self.host = host
        self.port = port
    }
}

/// The router: the participant pages and the JSON API.
///
/// ```swift
/// let router = buildRouter(dependencies)
/// try await Application(router: router).test(.router) { client in … }
/// ```
public func buildRouter(_ dependencies: ServerDependencies) -> Router<AtelierRequestContext> {
    let router = Router(context: AtelierRequestContext.self)
    router.add(middleware: SecurityHeadersMiddleware())
    APIController(dependencies: dependencies).addRoutes(to: router)
    ParticipantController(dependencies: dependencies).addRoutes(to: router)
    return router
}

/// The application: the router, the group committer as a service, graceful shutdown.
public func buildApplication(
    configuration: ServerConfiguration,
    dependencies: ServerDependencies,
    logger: Logger,
    onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
) -> some ApplicationProtocol {
    Application(
        router: buildRouter(dependencies),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Atelier"),
        services: [dependencies.committer],
        onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.port) },
        logger: logger
    )
}

/// Runs the server until SIGINT or SIGTERM, then shuts down gracefully.
public func runServer(
    configuration: ServerConfiguration,
    dependencies: ServerDependencies,
    logger: Logger,
    onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
) async throws {
    try await buildApplication(configuration: configuration, dependencies: dependencies, logger: logger, onServerRunning: onServerRunning)
        .runService()
}
