import Hummingbird
import NIOCore

/// The middleware in front of every API route (never the token or login endpoints):
/// latency, the credential check, the rate limit, fault injection, then the route.
/// Failures become the service's envelope; the chosen fault is passed out to the request log in
/// an internal header that `RecordingMiddleware` removes.
struct APIPipeline: RouterMiddleware {
    typealias Context = SandboxContext

    static let faultHeader = "x-sandbox-fault"

    let environment: SandboxEnvironment
    let envelope: any ServiceEnvelope
    /// Checks the request's credentials; throws the service's 401/403.
    let authenticate: @Sendable (inout Request, SandboxContext) async throws -> SandboxPrincipal

    func handle(_ input: Request, context: SandboxContext,
                next: (Request, SandboxContext) async throws -> Response) async throws -> Response {
        // The rate limit counts a request from its arrival, not from when the credential check
        // (a sigv4 verification, say) is done: the emulator's own work must not squeeze requests
        // that the client spaced correctly into one window.
        let arrived = environment.now
        let latency = environment.options.latency
        if latency > .zero { try await Task.sleep(for: latency) }
        var request = input
        var context = context
        var fault: SandboxFault?
        do {
            let principal = try await authenticate(&request, context)
            context.principal = principal
            if case .refused(let seconds) = environment.admit(principal.rateKey, arrivedAt: arrived) {
                throw envelope.rateLimited(retryAfter: seconds, limit: environment.options.effectiveRateLimit)
            }
            fault = environment.nextFault()
            switch fault {
            case .internalError?, .badGateway?, .unavailable?:
                throw envelope.serverFault(status: fault!.status!)
            case .droppedConnection?:
                // RecordingMiddleware logs it, then closes the connection.
                throw DroppedConnection()
            case .malformedJSON?:
                context.malformedFault = true
            case nil:
                break
            }
            var response = try await next(request, context)
            Self.mark(&response, fault)
            return response
        } catch let failure as HTTPFailure {
            var response = context.malformedFault ? SandboxResponse.truncated(failure.body) : failure.response
            Self.mark(&response, fault)
            return response
        }
    }

    private static func mark(_ response: inout Response, _ fault: SandboxFault?) {
        if let fault, let name = FieldName(faultHeader) { response.headers[name] = fault.rawValue }
    }
}

extension SandboxResponse {
    /// The first half of the JSON, served as a 200: the malformed-JSON fault.
    static func truncated(_ node: JSONNode) -> Response {
        let bytes = Array(node.text.utf8)
        return SandboxResponse.bytes(Array(bytes.prefix(max(1, bytes.count / 2))), status: .ok)
    }
}

extension SandboxContext {
    /// A route's JSON answer (cut in half when this request drew the malformed-JSON fault).
    func respond(_ node: JSONNode, status: HTTPResponse.Status = .ok, headers: [(String, String)] = []) -> Response {
        malformedFault ? SandboxResponse.truncated(node) : SandboxResponse.json(node, status: status, headers: headers)
    }
}
