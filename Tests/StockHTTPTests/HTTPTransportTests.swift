import Foundation
import StockCore
import StockHTTP
import Synchronization
import Testing

/// Records the waits the transport asks for instead of sleeping, so retry tests run at once.
final class RecordedSleeps: Sendable {
    private let waits = Mutex<[Duration]>([])
    var all: [Duration] { waits.withLock { $0 } }
    var sleep: @Sendable (Duration) async throws -> Void { { d in self.waits.withLock { $0.append(d) } } }
}

@Suite(.serialized) struct HTTPTransportTests {
    static let key = "sk_live_51ABCdefGHIjkl"

    func transport(_ server: ScriptedServer, auth: any HTTPAuthenticator = HeaderAuthentication(headers: [HTTPHeader("x-api-key", key)]),
                   retry: RetryPolicy = .standard, timeout: Duration = .seconds(10), sleeps: RecordedSleeps = RecordedSleeps(),
                   log: CapturedLog = CapturedLog(), limiter: RateLimiter? = nil) -> HTTPTransport {
        HTTPTransport(endpoint: ServiceEndpoint(name: "Test", baseURL: server.baseURL.appendingPathComponent("v2")),
                      authenticator: auth, rateLimiter: limiter, retry: retry, timeout: timeout,
                      logger: log.logger, sleep: sleeps.sleep)
    }

    @Test func sendsPathQueryHeadersAndBody() async throws {
        try await withServer({ _, _ in .json(#"{"ok":true}"#) }) { server in
            var request = HTTPRequest.json(.post, "/search", body: Data(#"{"query":"кот"}"#.utf8))
            request.query = [QueryItem("search_parameters[words]", "a b&c"), QueryItem("tags", "x,y"), QueryItem("tags", "z")]
            let answer = try await transport(server).send(request)
            #expect(answer.status == 200 && answer.bodyText == #"{"ok":true}"#)
            let seen = try #require(server.requests.first)
            #expect(seen.method == "POST" && seen.path == "/v2/search")
            #expect(seen.query == "search_parameters%5Bwords%5D=a%20b%26c&tags=x%2Cy&tags=z")
            #expect(seen.headers["x-api-key"] == Self.key)
            #expect(seen.headers["content-type"] == "application/json")
            #expect(seen.headers["user-agent"]?.hasPrefix("stockterm/") == true)
            #expect(seen.body == #"{"query":"кот"}"#)
        }
    }

    @Test func retriesA429AfterTheWaitTheServerAskedFor() async throws {
        let sleeps = RecordedSleeps()
        try await withServer({ n, _ in
            n == 0 ? .json(#"{"error_code":"429050","message":"Too many requests"}"#, status: .tooManyRequests, headers: [("Retry-After", "1")])
                   : .json("[]")
        }) { server in
            let answer = try await transport(server, sleeps: sleeps).send(HTTPRequest.get("/clips"))
            #expect(answer.status == 200)
            #expect(server.requests.count == 2)
            #expect(sleeps.all == [.seconds(1)])
        }
    }

    @Test func busyServerIsRetriedUpToTheCapThenItsAnswerReturned() async throws {
        let sleeps = RecordedSleeps()
        try await withServer({ _, _ in .json(#"{"error":"busy"}"#, status: .serviceUnavailable) }) { server in
            let answer = try await transport(server, sleeps: sleeps).send(HTTPRequest.get("/clips"))
            #expect(answer.status == 503)
            #expect(server.requests.count == 5) // 1 + 4 retries
            #expect(sleeps.all.count == 4)
            // Exponential with equal jitter: retry n waits within [2^(n-1)/2, 2^(n-1)] seconds.
            for (i, wait) in sleeps.all.enumerated() {
                let full = Double(1 << i)
                #expect(wait.seconds >= full / 2 && wait.seconds <= full)
            }
        }
    }

    @Test func aPurchaseIsNeverResentOnItsOwn() async throws {
        try await withServer({ _, _ in .json("{}", status: .badGateway) }) { server in
            let answer = try await transport(server).send(HTTPRequest.json(.post, "/purchases", body: Data("{}".utf8)))
            #expect(answer.status == 502)
            #expect(server.requests.count == 1)
        }
    }

    @Test func otherErrorsAreReturnedAtOnce() async throws {
        for status in [400, 403, 404, 500] {
            try await withServer({ _, _ in .json("{}", status: .init(code: status)) }) { server in
                let answer = try await transport(server).send(HTTPRequest.get("/clips/1"))
                #expect(answer.status == status && server.requests.count == 1)
            }
        }
    }

    @Test func a401RenewsOnceAndNeverLoops() async throws {
        let exchanges = Mutex(0)
        let session = OAuthSession(token: OAuthToken(accessToken: "old-token-0000", refreshToken: "refresh-0000",
                                                     expiresAt: Date().addingTimeInterval(3600))) { _ in
            let n = exchanges.withLock { $0 += 1; return $0 }
            return OAuthToken(accessToken: "new-token-000\(n)", refreshToken: "refresh-000\(n)", expiresAt: Date().addingTimeInterval(3600))
        }
        let auth = HeaderAuthentication(headers: [], userToken: session, bearerOnEveryCall: true)
        // A server that accepts the renewed token.
        try await withServer({ _, seen in
            seen.headers["authorization"] == "Bearer new-token-0001" ? .json("{}") : .json(#"{"error":{"code":"AUTH_REQUIRED"}}"#, status: .unauthorized)
        }) { server in
            let answer = try await transport(server, auth: auth).send(HTTPRequest.get("/users/me"))
            #expect(answer.status == 200)
            #expect(server.requests.map { $0.headers["authorization"] } == ["Bearer old-token-0000", "Bearer new-token-0001"])
        }
        // A server that refuses everything: one renewal, two requests, then the 401 is the answer.
        try await withServer({ _, _ in .json(#"{"error":{"code":"AUTH_REQUIRED"}}"#, status: .unauthorized) }) { server in
            let answer = try await transport(server, auth: auth).send(HTTPRequest.get("/users/me"))
            #expect(answer.status == 401)
            #expect(server.requests.count == 2)
        }
        #expect(exchanges.withLock { $0 } == 2)
    }

    @Test func connectionRefusedIsANetworkErrorAfterRetriesWithoutSecrets() async throws {
        let sleeps = RecordedSleeps()
        let log = CapturedLog()
        var request = HTTPRequest.get("/clips")
        request.setQuery("token", "query-secret-123456")
        let port = try closedPort()
        let t = HTTPTransport(endpoint: ServiceEndpoint(name: "Test", baseURL: URL(string: "http://127.0.0.1:\(port)")!),
                              authenticator: HeaderAuthentication(headers: [HTTPHeader("x-api-key", Self.key)]),
                              logger: log.logger, sleep: sleeps.sleep)
        do {
            _ = try await t.send(request)
            Issue.record("expected a network error")
        } catch let error as StockError {
            guard case .network(let message) = error else { Issue.record("\(error)"); return }
            #expect(message == "Test: connection refused")
            #expect(!message.contains(Self.key) && !message.contains("query-secret-123456"))
        }
        #expect(sleeps.all.count == 4)
        #expect(!log.text.isEmpty)
        #expect(!log.text.contains(Self.key) && !log.text.contains("query-secret-123456"))
    }

    @Test func aSlowAnswerTimesOut() async throws {
        try await withServer({ _, _ in ScriptedServer.Answer(body: "{}", delay: .seconds(5)) }) { server in
            let started = ContinuousClock.now
            do {
                _ = try await transport(server, retry: .never, timeout: .milliseconds(300)).send(HTTPRequest.get("/clips"))
                Issue.record("expected a timeout")
            } catch let error as StockError {
                #expect(error == .network("Test: timed out"))
            }
            #expect(started.duration(to: .now) < .seconds(4))
        }
    }

    @Test func cancellingTheTaskCancelsTheRequest() async throws {
        try await withServer({ _, _ in ScriptedServer.Answer(body: "{}", delay: .seconds(10)) }) { server in
            let t = transport(server)
            let started = ContinuousClock.now
            let task = Task { try await t.send(HTTPRequest.get("/clips")) }
            try await Task.sleep(for: .milliseconds(200))
            task.cancel()
            let outcome = await task.result
            #expect(started.duration(to: .now) < .seconds(5))
            switch outcome {
            case .success: Issue.record("a cancelled request should not succeed")
            case .failure(let error): #expect(error is CancellationError)
            }
        }
    }

    @Test func logsNeverHoldTheKeyOrTokens() async throws {
        let log = CapturedLog()
        let auth = HeaderAuthentication(headers: [HTTPHeader("x-api-key", Self.key), HTTPHeader("x-product", "stockterm/test")],
                                        userToken: StaticBearerToken("bearer-secret-abcdef"))
        try await withServer({ n, _ in n == 0 ? .json(#"{"echo":"sk_live_51ABCdefGHIjkl"}"#, status: .serviceUnavailable) : .json("{}") }) { server in
            var request = HTTPRequest.get("/Rest/Libraries/1/Member/Profile", access: .user)
            request.setQuery("token", "bearer-secret-abcdef")
            _ = try await transport(server, auth: auth, log: log).send(request)
            let seen = try #require(server.requests.first)
            #expect(seen.headers["authorization"] == "Bearer bearer-secret-abcdef")
            #expect(seen.headers["x-product"] == "stockterm/test")
        }
        #expect(log.text.contains("503"))
        #expect(!log.text.contains(Self.key))
        #expect(!log.text.contains("bearer-secret-abcdef"))
    }

    @Test func applicationCallsCarryNoBearerToken() async throws {
        let auth = HeaderAuthentication(headers: [HTTPHeader("x-api-key", Self.key)], userToken: StaticBearerToken("bearer-secret-abcdef"))
        try await withServer({ _, _ in .json("{}") }) { server in
            _ = try await transport(server, auth: auth).send(HTTPRequest.get("/Rest/Media/1/Search/Files", access: .application))
            #expect(server.requests.first?.headers["authorization"] == nil)
        }
    }

    @Test func theRateLimiterSpacesRequests() async throws {
        try await withServer({ _, _ in .json("{}") }) { server in
            let t = transport(server, limiter: RateLimiter(limit: 3, per: .milliseconds(300)))
            let started = ContinuousClock.now
            for _ in 0..<7 { _ = try await t.send(HTTPRequest.get("/clips")) }
            // 7 requests at 3 per 300 ms need at least two full windows.
            #expect(started.duration(to: .now) >= .milliseconds(600))
        }
    }

    /// An authenticator whose first authorization takes a while, as a login does.
    final class SlowFirstLogin: HTTPAuthenticator {
        let gate = Mutex<Task<Void, Never>?>(nil)
        func authorize(_ request: inout HTTPRequest) async throws {
            let task = gate.withLock { t in
                if let t { return t }
                let fresh = Task<Void, Never> { _ = try? await Task.sleep(for: .milliseconds(400)) }
                t = fresh
                return fresh
            }
            await task.value
        }
        func renewAfterUnauthorized(_ request: HTTPRequest, _ response: HTTPResponse) async throws -> Bool { false }
        func secrets() async -> [String] { [] }
    }

    @Test func aSlowLoginDoesNotBunchRateLimitedRequests() async throws {
        // 8 concurrent calls, 3 per 300 ms, behind a 400 ms login: the sends must still be spaced,
        // never more than 3 inside any 300 ms (Stocksy's burst drew 429s when the slot was taken
        // before the login and spent waiting for it).
        final class Arrivals: Sendable { let times = Mutex<[ContinuousClock.Instant]>([]) }
        let arrivals = Arrivals()
        try await withServer({ _, _ in arrivals.times.withLock { $0.append(.now) }; return .json("{}") }) { server in
            let t = transport(server, auth: SlowFirstLogin(), limiter: RateLimiter(limit: 3, per: .milliseconds(300)))
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<8 { group.addTask { _ = try await t.send(HTTPRequest.get("/clips")) } }
                try await group.waitForAll()
            }
            let times = arrivals.times.withLock { $0 }.sorted()
            #expect(times.count == 8)
            for i in 3..<times.count {
                #expect(times[i - 3].duration(to: times[i]) >= .milliseconds(290), "request \(i) came too soon")
            }
        }
    }
}

/// A loopback port nothing listens on: bound to find a free one, then closed.
func closedPort() throws -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw POSIXError(.EBADF) }
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
    }
    guard bound else { throw POSIXError(.EADDRINUSE) }
    return Int(UInt16(bigEndian: address.sin_port))
}
