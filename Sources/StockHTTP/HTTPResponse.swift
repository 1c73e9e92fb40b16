import Foundation

/// A service's answer: status, headers and the whole body (bodies are capped by the transport).
public struct HTTPResponse: Sendable, Hashable {
    public var status: Int
    public var headers: [HTTPHeader]
    public var body: Data

    public init(status: Int, headers: [HTTPHeader] = [], body: Data = Data()) {
        self.status = status; self.headers = headers; self.body = body
    }

    /// The first value of a header, ignoring the case of its name.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    /// 200 to 299.
    public var isSuccess: Bool { (200..<300).contains(status) }

    /// The body as text, for error messages; invalid UTF-8 is replaced, never trusted.
    public var bodyText: String { String(decoding: body, as: UTF8.self) }
}
