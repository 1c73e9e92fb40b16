import Hummingbird

/// An answer other than success, already in the service's own error envelope. Thrown by
/// checks and handlers, turned into a response by the middleware.
struct HTTPFailure: Error, Sendable {
    var status: HTTPResponse.Status
    var body: JSONNode
    var headers: [(String, String)] = []

    init(_ status: HTTPResponse.Status, _ body: JSONNode, headers: [(String, String)] = []) {
        self.status = status
        self.body = body
        self.headers = headers
    }

    var response: Response { SandboxResponse.json(body, status: status, headers: headers) }
}

/// Builds the responses every emulator sends.
enum SandboxResponse {
    /// JSON with `Content-Type: application/json; charset=utf-8`.
    static func json(_ node: JSONNode, status: HTTPResponse.Status = .ok, headers: [(String, String)] = []) -> Response {
        bytes(Array(node.text.utf8), status: status, headers: headers)
    }

    /// Raw bytes labelled as JSON (a truncated body for the malformed-JSON fault).
    static func bytes(_ bytes: [UInt8], status: HTTPResponse.Status, headers: [(String, String)] = []) -> Response {
        var fields = HTTPFields()
        fields[.contentType] = "application/json; charset=utf-8"
        for (name, value) in headers {
            if let field = FieldName(name) { fields.append(HTTPFields.Element(name: field, value: value)) }
        }
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}

/// A header name (swift-http-types' `HTTPField.Name`, reached through Hummingbird's `HTTPFields`).
typealias FieldName = HTTPFields.Element.Name
