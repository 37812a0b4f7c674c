import Hummingbird
import Logging

/// The request context: the body limit for every route.
public struct AtelierRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The client's address, for limiting guesses of codes.
    public let clientAddress: String

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        clientAddress = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }

    /// 1 MiB: a form's answers are a few kilobytes.
    public var maxUploadSize: Int { 1 << 20 }
}

/// Security headers on every response, and a log line per request without personal data.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as HTTPError {
            // Hummingbird's own errors (no route for this path or method…) are problems too, never an empty body.
            let problem = Problem(
                error.status,
                error.status.reasonPhrase,
                detail: error.body ?? (error.status == .notFound ? "no such path, or not with this method" : error.status.reasonPhrase)
            )
            response = try problem.response(from: request, context: context)
            for field in error.headers where response.headers[field.name] == nil { response.headers.append(field) }
        } catch let error as any HTTPResponseError {
            response = try error.response(from: request, context: context)
        } catch {
            context.logger.error("unexpected error", metadata: ["type": "\(type(of: error))"])
            response = try Problem(.internalServerError, "Internal error", detail: "the server could not answer; nothing was stored").response(
                from: request,
                context: context
            )
        }
        response.headers[.contentSecurityPolicy] =
            "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
        response.headers[.init("Referrer-Policy")!] = "no-referrer"
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.init("X-Frame-Options")!] = "DENY"
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        // Paths only: never query strings, bodies, codes or names.
        context.logger.info(
            "request",
            metadata: ["method": "\(request.method.rawValue)", "route": "\(context.endpointPath ?? "-")", "status": "\(response.status.code)"]
        )
        return response
    }
}
