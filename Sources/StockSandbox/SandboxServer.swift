import Foundation
import Hummingbird
import Logging
import NIOCore
import StockCatalog

/// A local emulator of one stock service, listening on 127.0.0.1 only.
///
/// ```swift
/// let server = try await SandboxServer.start(catalog: catalog, options: SandboxOptions(api: .stockflow))
/// defer { Task { try await server.stop() } }
/// // curl -X POST \(server.baseURL)/oauth/token -d grant_type=client_credentials -d client_secret=...
/// ```
/// Start as many as you like (each on its own port); stop every one you start.
public final class SandboxServer: Sendable {
    /// The port it listens on.
    public let port: Int
    /// Where the API lives: `http://127.0.0.1:PORT/v2` for StockFlow, `http://127.0.0.1:PORT` for the others.
    public let baseURL: URL
    /// The keys, tokens and users it accepts.
    public let credentials: SandboxCredentials
    /// The options it runs with.
    public let options: SandboxOptions

    private let environment: SandboxEnvironment
    private let task: Task<Void, any Error>

    private init(port: Int, credentials: SandboxCredentials, environment: SandboxEnvironment, task: Task<Void, any Error>) {
        self.port = port
        self.credentials = credentials
        self.environment = environment
        self.options = environment.options
        self.task = task
        baseURL = URL(string: "http://127.0.0.1:\(port)\(environment.options.api.basePath)")!
    }

    /// Starts a server for `options.api` over `catalog` and returns once it listens.
    public static func start(catalog: LocalCatalog, options: SandboxOptions) async throws -> SandboxServer {
        try options.validate()
        let environment = SandboxEnvironment(options: options, catalog: catalog)
        let router = Router(context: SandboxContext.self)
        let credentials: SandboxCredentials
        switch options.api {
        case .stockflow:
            let service = StockFlowService(environment: environment)
            router.add(middleware: RecordingMiddleware(environment: environment, envelope: StockFlowErrors()))
            service.register(on: router)
            credentials = SandboxCredentials(api: .stockflow, stockflow: service.credentials)
        case .adobe:
            let service = AdobeService(environment: environment)
            router.add(middleware: RecordingMiddleware(environment: environment, envelope: AdobeErrors()))
            service.register(on: router)
            credentials = SandboxCredentials(api: .adobe, adobe: service.credentials)
        case .stocksy:
            let service = StocksyService(environment: environment)
            router.add(middleware: RecordingMiddleware(environment: environment, envelope: StocksyErrors()))
            service.register(on: router)
            credentials = SandboxCredentials(api: .stocksy, stocksy: service.credentials)
        }

        // Shared by every API: the downloadable files and the charge record tests read.
        environment.files.register(on: router)
        SandboxThumbnails(catalog: catalog).register(on: router)
        router.get("_sandbox/charges") { _, _ in SandboxResponse.json(environment.charges.json) }

        let (port, task) = try await LoopbackListener.start(router: router, port: options.port, logger: options.logger,
                                                            what: "the server")
        environment.setOrigin("http://127.0.0.1:\(port)")
        return SandboxServer(port: port, credentials: credentials, environment: environment, task: task)
    }

    /// What it has seen so far: requests per route, 429s, faults and the request log.
    public func stats() async -> SandboxStats { environment.recorder.snapshot }

    /// How many times each asset was charged (licensed), by asset id.
    public func chargeCounts() -> [Int64: Int] { environment.charges.countsByAsset }

    /// How many times the file behind a download key was fetched.
    public func fileFetchCount(key: String) -> Int { environment.files.fetchCount(key: key) }

    /// Stops listening and waits until the server is down.
    public func stop() async throws {
        task.cancel()
        _ = await task.result
    }

    /// A ready-to-paste curl command that makes one real call against this server.
    public var curlExample: String {
        switch options.api {
        case .stockflow:
            let key = credentials.stockflow!.adminKey
            return """
                TOKEN=$(curl -s -X POST \(baseURL.absoluteString)/oauth/token -d grant_type=client_credentials -d client_secret=\(key) | sed 's/.*"access_token":"\\([^"]*\\)".*/\\1/')
                curl -s -H "Authorization: Bearer $TOKEN" '\(baseURL.absoluteString)/clips?per_page=10&resolution=4k'
                """
        case .adobe:
            let c = credentials.adobe!
            return """
                curl -s -H 'x-api-key: \(c.apiKey)' -H 'x-product: \(c.product)' '\(baseURL.absoluteString)/Rest/Media/1/Search/Files?search_parameters%5Bwords%5D=lake&search_parameters%5Blimit%5D=5&search_parameters%5Bfilters%5D%5Bpremium%5D=all'
                """
        case .stocksy:
            let c = credentials.stocksy!
            return """
                curl -s -X POST -H 'x-api-key: \(c.apiKey)' \(baseURL.absoluteString)/login -d email=\(c.email) -d password=\(c.password)
                # then sign each call with sigv4, e.g. curl --aws-sigv4 'aws:amz:\(c.region):\(c.service)' --user "$AccessKeyId:$SecretKey" -H "x-amz-security-token: $SessionToken" -H 'x-api-key: \(c.apiKey)' '\(baseURL.absoluteString)/search?query=lake'
                """
        }
    }
}
