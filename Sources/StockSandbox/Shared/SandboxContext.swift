import Hummingbird
import NIOCore

/// The request context of every sandbox route: who the pipeline authenticated, which fault it
/// chose, and the connection (so a fault can drop it).
struct SandboxContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let channel: any Channel
    /// Set by the pipeline once credentials are checked.
    var principal: SandboxPrincipal?
    /// Set by the pipeline when this request was picked to get truncated JSON.
    var malformedFault = false

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channel = source.channel
    }

    /// The authenticated caller; routes behind the pipeline always have one.
    func requirePrincipal() throws -> SandboxPrincipal {
        guard let principal else { throw HTTPError(.unauthorized) }
        return principal
    }
}

/// Who made a request, as the service's credential check found it.
struct SandboxPrincipal: Sendable, Hashable {
    /// What the rate limit counts by: the API key behind the request.
    var rateKey: String
    /// The account the credential belongs to, in the service's own table.
    var accountID: String
    /// StockFlow's `read` / `admin`; empty elsewhere.
    var scopes: Set<String> = []
}
