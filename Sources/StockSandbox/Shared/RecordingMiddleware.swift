import Hummingbird

/// The outermost middleware: logs every request with its answer into the stats, and turns
/// failures that escaped the pipeline (token endpoints, unknown routes) into the service's envelope.
struct RecordingMiddleware: RouterMiddleware {
    typealias Context = SandboxContext

    let environment: SandboxEnvironment
    let envelope: any ServiceEnvelope

    func handle(_ input: Request, context: SandboxContext,
                next: (Request, SandboxContext) async throws -> Response) async throws -> Response {
        var request = input
        let method = request.method.rawValue
        var record = SandboxRequestRecord(
            method: method, path: request.uri.path,
            route: "\(method) \(context.endpointPath ?? "NotFound")",
            query: QueryItems(parsing: request.uri.query).items.map {
                .init(name: $0.name, value: SecretMask.secretNames.contains($0.name) ? SecretMask.mask($0.value) : $0.value)
            },
            headers: Self.loggedHeaders(of: request), status: 0, fault: nil)
        if request.headers[.contentType]?.lowercased().hasPrefix("application/json") == true {
            // Collected once here; the route reads the same buffer again.
            if let body = try? await request.collectBody(upTo: 256 * 1024) { record.body = String(buffer: body) }
        }
        do {
            var response: Response
            do {
                response = try await next(request, context)
            } catch let failure as HTTPFailure {
                response = failure.response
            } catch let error as HTTPError where error.status == .notFound || error.status == .methodNotAllowed {
                response = envelope.unknownRoute(method: method, path: request.uri.path).response
            }
            if let name = FieldName(APIPipeline.faultHeader), let fault = response.headers[name] {
                record.fault = SandboxFault(rawValue: fault)
                response.headers[name] = nil
            }
            record.status = Int(response.status.code)
            environment.recorder.record(record)
            return response
        } catch let dropped as DroppedConnection {
            record.fault = .droppedConnection
            // Logged before the client can see the connection go.
            environment.recorder.record(record)
            try? await context.channel.close()
            throw dropped
        } catch {
            record.status = 500
            environment.recorder.record(record)
            throw error
        }
    }

    private static func loggedHeaders(of request: Request) -> [String: String] {
        var headers: [String: String] = [:]
        for field in request.headers {
            let name = field.name.canonicalName
            guard SecretMask.loggedHeaders.contains(name) else { continue }
            let value = SecretMask.secretNames.contains(name) ? SecretMask.mask(field.value) : field.value
            headers[name] = headers[name].map { $0 + ", " + value } ?? value
        }
        if let authority = request.head.authority { headers["host"] = authority }
        return headers
    }
}
