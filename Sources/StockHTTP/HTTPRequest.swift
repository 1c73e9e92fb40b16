import Foundation

/// The HTTP methods the services use.
public enum HTTPMethod: String, Sendable, Hashable {
    case get = "GET", post = "POST", put = "PUT", delete = "DELETE", head = "HEAD"
}

/// One `name=value` pair of a query string. Names may repeat
/// (`facet_orientation=tall&facet_orientation=square`) and keep their order.
public struct QueryItem: Sendable, Hashable {
    public var name: String
    public var value: String
    public init(_ name: String, _ value: String) { self.name = name; self.value = value }
}

/// One header line. Names compare without regard to case when looked up.
public struct HTTPHeader: Sendable, Hashable {
    public var name: String
    public var value: String
    public init(_ name: String, _ value: String) { self.name = name; self.value = value }
}

/// Which credentials a call needs. Adobe sends its Bearer token only on profile and licensing
/// calls; Stocksy and StockFlow send theirs on every call.
public enum Access: Sendable, Hashable {
    /// The application's key only (Adobe search and files).
    case application
    /// The signed-in user's credentials as well (Adobe profile, licensing; everything on StockFlow).
    case user
}

/// A request to one service, relative to its base URL. Plain data: the transport adds
/// credentials, limits its rate, retries and logs it.
public struct HTTPRequest: Sendable, Hashable {
    public var method: HTTPMethod
    /// Path below the base URL, starting with "/", unencoded: "/clips/18742".
    public var path: String
    public var query: [QueryItem]
    public var headers: [HTTPHeader]
    public var body: Data?
    public var access: Access
    /// Whether the transport may send it again after an answer that says nothing was done (429, 502,
    /// 503, 504) or a connection error. True by default for GET; a purchase says false and is
    /// reconciled by its caller instead (a lost answer does not mean a lost purchase).
    public var retryable: Bool
    /// The most this call may take, retries and waits included; the transport's default when nil.
    public var timeout: Duration?
    /// An already-encoded query string sent exactly as given (a CDN's signed thumbnail URL must
    /// not be re-encoded); `query` is added after it.
    public var rawQuery: String?

    public init(_ method: HTTPMethod, _ path: String, query: [QueryItem] = [], headers: [HTTPHeader] = [],
                body: Data? = nil, access: Access = .user, retryable: Bool? = nil, timeout: Duration? = nil) {
        self.method = method; self.path = path; self.query = query; self.headers = headers
        self.body = body; self.access = access
        self.retryable = retryable ?? (method == .get || method == .head)
        self.timeout = timeout
    }

    /// A GET of `path`.
    public static func get(_ path: String, query: [QueryItem] = [], access: Access = .user) -> HTTPRequest {
        HTTPRequest(.get, path, query: query, access: access)
    }

    /// A JSON body, with its content type.
    public static func json(_ method: HTTPMethod = .post, _ path: String, body: Data, query: [QueryItem] = [],
                            access: Access = .user, retryable: Bool? = nil) -> HTTPRequest {
        HTTPRequest(method, path, query: query, headers: [HTTPHeader("Content-Type", "application/json")],
                    body: body, access: access, retryable: retryable)
    }

    /// The first value of a header, ignoring the case of its name.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    /// Sets a header, replacing any with the same name.
    public mutating func setHeader(_ name: String, _ value: String) {
        headers.removeAll { $0.name.caseInsensitiveCompare(name) == .orderedSame }
        headers.append(HTTPHeader(name, value))
    }

    /// Adds a query item, replacing any with the same name.
    public mutating func setQuery(_ name: String, _ value: String) {
        query.removeAll { $0.name == name }
        query.append(QueryItem(name, value))
    }

    /// The full URL below `base`: path and query percent-encoded (brackets included, as Adobe's
    /// `search_parameters[words]` needs on the wire).
    public func url(base: URL) -> String {
        var text = base.absoluteString
        while text.hasSuffix("/") { text.removeLast() }
        text += path.split(separator: "/", omittingEmptySubsequences: false)
            .map { String($0).addingPercentEncoding(withAllowedCharacters: .urlPathSegmentAllowed) ?? String($0) }
            .joined(separator: "/")
        var parts: [String] = []
        if let rawQuery, !rawQuery.isEmpty { parts.append(rawQuery) }
        if !query.isEmpty { parts.append(query.map { Self.encode($0.name) + "=" + Self.encode($0.value) }.joined(separator: "&")) }
        if !parts.isEmpty { text += "?" + parts.joined(separator: "&") }
        return text
    }

    /// Form-style encoding of one query name or value: only unreserved characters stay as they are.
    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .queryUnreserved) ?? text
    }
}

extension CharacterSet {
    /// RFC 3986 unreserved characters: everything else in a query name or value is encoded.
    static let queryUnreserved = CharacterSet(charactersIn:
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
    /// A path segment keeps unreserved characters and the sub-delimiters that mean nothing special.
    static let urlPathSegmentAllowed = CharacterSet(charactersIn:
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@")
}
