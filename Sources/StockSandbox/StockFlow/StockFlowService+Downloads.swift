import Foundation
import Hummingbird
import StockCore

extension StockFlowService {
    /// How long a signed download URL stays valid: 15 minutes (seeds 000 and 002), unless the
    /// options shorten it.
    var downloadURLLifetime: Double {
        environment.options.downloadURLLifetime.map(SandboxEnvironment.seconds) ?? 15 * 60
    }

    /// `POST /v2/downloads/{clip_id}` with `{"format", "resolution", "license_type"}`: a signed URL
    /// to the file, valid `downloadURLLifetime` seconds. The first download of a clip under a
    /// license type charges one download from the quota (recorded in `environment.charges`); a
    /// re-download does not. Refused, in this order: a key without the admin scope (403
    /// `INSUFFICIENT_SCOPE`; an expired license was refused by the credential check already),
    /// an unknown clip (404), a bad body or something the clip does not offer (400), a new license
    /// with the quota used up (403 `DOWNLOAD_QUOTA_EXCEEDED`).
    func download(_ request: Request, _ context: SandboxContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        guard let account = accounts.accounts[Int(principal.accountID) ?? -1] else { throw StockFlowErrors.authRequired }
        guard principal.scopes.contains("admin") else {
            throw StockFlowErrors.insufficientScope("Downloading a clip", scopes: principal.scopes)
        }
        let raw = context.parameters.get("id") ?? ""
        guard let id = AssetID(raw), let clip = try? environment.catalog.asset(id: id), clip.kind == .video else {
            throw StockFlowErrors.notFound("Clip \(raw) not found.")
        }
        var request = request
        let bytes = try await request.collectBody(upTo: 64 * 1024)
        var body: JSONValue?
        if bytes.readableBytes > 0 {
            do {
                body = try JSONParser.parse(Array(bytes.readableBytesView))
            } catch {
                throw StockFlowErrors.invalidParameter("the body must be a JSON object: \(error.description)")
            }
        }
        let asked = try StockFlowDownloadRequest(body: body, clip: clip)

        let environment = environment
        let (outcome, used, remaining) = downloads.withLock { book in
            let outcome = book.download(clip: id.rawValue, licenseType: asked.licenseType, account: account) {
                "lic_" + environment.randomString(16)
            }
            return (outcome, book.used(by: account), book.remaining(for: account))
        }
        let licenseID: String
        let redownload: Bool
        switch outcome {
        case .quotaExhausted(let limit, let used):
            throw StockFlowErrors.quotaExhausted(tier: account.tier, limit: limit, used: used)
        case .charged(let newID):
            licenseID = newID
            redownload = false
            environment.charges.record(.init(accountID: String(account.id), assetID: id.rawValue, reference: newID, amount: 1,
                                             licenseAgain: false, time: Date().timeIntervalSince1970))
        case .redownload(let heldID):
            licenseID = heldID
            redownload = true
        }

        let name = asked.fileName(clip)
        let size = asked.fileSize(clip)
        let now = Date().timeIntervalSince1970
        let ttl = downloadURLLifetime
        let url = environment.files.signedURL(key: name, name: name, size: size, ttl: ttl, now: now)
        // The URL's own expiry (whole seconds, as signed), so that the two never disagree.
        let expires = Date(timeIntervalSince1970: Double(Int64(now + ttl)))
        return context.respond(.members([
            ("license_id", .string(licenseID)),
            ("clip_id", .int(id.rawValue)),
            ("format", .string(asked.format)),
            ("resolution", .string(asked.resolution.rawValue)),
            ("license_type", .string(asked.licenseType.rawValue)),
            ("url", .string(url)),
            ("expires_at", .string(ISODate.format(expires))),
            ("expires_in", .int(Int64(ttl.rounded(.down)))),
            ("file_name", .string(name)),
            ("file_size", .int(size)),
            ("redownload", .bool(redownload)),
            ("download_quota", .members([
                ("limit", .int(account.downloadLimit)), ("used", .int(used)), ("remaining", .int(remaining)),
            ])),
        ]))
    }
}
