import AsyncHTTPClient
import Foundation
import NIOHTTP1
import StockCore
import Testing
@testable import StockSandbox

/// StockFlow's `POST /v2/downloads/{clip_id}`: charges, re-downloads, refusals, signed files.
@Suite struct StockFlowLicensingTests {
    /// A 4k clip of 3.4 s in mp4, mov and webm, standard and extended licenses.
    static let clip4K: Int64 = 12525
    /// A 720p clip of 3.5 s in mp4, mov and webm, standard and extended.
    static let clip720: Int64 = 12093
    /// A 1080p clip in mp4 only, standard only.
    static let clipMP4Only: Int64 = 11806
    /// A 1080p clip under the editorial license only.
    static let clipEditorial: Int64 = 12159

    static func auth(_ server: SandboxServer, key: String? = nil) async throws -> [(String, String)] {
        [("Authorization", "Bearer \(try await StockFlowAuthTests.bearer(server, key: key))")]
    }

    static func download(_ server: SandboxServer, _ clip: Int64, _ body: String?, auth: [(String, String)]) async throws -> WireResponse {
        try await Wire.send("\(server.baseURL)/downloads/\(clip)", method: .POST,
                            headers: auth + [("Content-Type", "application/json")], body: body)
    }

    /// The raw bytes at `url`.
    static func fetch(_ url: String, range: String? = nil) async throws -> (Int, HTTPHeaders, [UInt8]) {
        var request = HTTPClientRequest(url: url)
        if let range { request.headers.add(name: "Range", value: range) }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let body = try await response.body.collect(upTo: 40 << 20)
        return (Int(response.status.code), response.headers, Array(body.readableBytesView))
    }

    static func me(_ server: SandboxServer, auth: [(String, String)]) async throws -> [String: Any] {
        let r = try await Wire.send("\(server.baseURL)/users/me", headers: auth)
        return try #require(try r.object()["download_quota"] as? [String: Any])
    }

    static func errorCode(_ r: WireResponse) throws -> (code: String?, message: String?) {
        let error = try #require(try r.object()["error"] as? [String: Any], "\(r.body)")
        #expect(error["status"] as? Int == r.status)
        return (error["code"] as? String, error["message"] as? String)
    }

    // MARK: The book (a plain state machine)

    @Test func theBookChargesOncePerClipAndLicenseType() {
        let account = StockFlowAccounts.Account(id: 1, displayName: "A", email: "a@x", tier: "Starter", downloadLimit: 3,
                                                downloadsUsed: 1, licenseExpiresOn: "2099-12-31", licenseExpired: false)
        var book = StockFlowDownloadBook()
        var ids = 0
        func next() -> String { ids += 1; return "lic_\(ids)" }
        #expect(book.download(clip: 7, licenseType: .standard, account: account, newID: next) == .charged(licenseID: "lic_1"))
        #expect(book.download(clip: 7, licenseType: .standard, account: account, newID: next) == .redownload(licenseID: "lic_1"))
        #expect(book.used(by: account) == 2 && book.remaining(for: account) == 1)
        #expect(book.download(clip: 7, licenseType: .extended, account: account, newID: next) == .charged(licenseID: "lic_2"))
        #expect(book.remaining(for: account) == 0)
        #expect(book.download(clip: 8, licenseType: .standard, account: account, newID: next) == .quotaExhausted(limit: 3, used: 3))
        // Held licenses stay free with the quota used up; the refusal named no license.
        #expect(book.download(clip: 7, licenseType: .extended, account: account, newID: next) == .redownload(licenseID: "lic_2"))
        #expect(book.licenseID(account: 1, clip: 8, licenseType: .standard) == nil)
        #expect(ids == 2)
        // Another account holds nothing.
        var other = account
        other.id = 2
        #expect(book.download(clip: 7, licenseType: .standard, account: other, newID: next) == .charged(licenseID: "lic_3"))
    }

    // MARK: Over the wire

    @Test func theFirstDownloadChargesAndTheAnswerSignsTheFile() async throws {
        try await withSandbox(SandboxOptions(api: .stockflow)) { server in
            let auth = try await Self.auth(server)
            let r = try await Self.download(server, Self.clip4K, #"{"format": "webm", "resolution": "1080p"}"#, auth: auth)
            #expect(r.status == 200, "\(r.body)")
            let body = try r.object()
            #expect(keys(body) == ["license_id", "clip_id", "format", "resolution", "license_type", "url", "expires_at", "expires_in",
                                   "file_name", "file_size", "redownload", "download_quota"])
            #expect(body["clip_id"] as? Int == Int(Self.clip4K))
            #expect(body["format"] as? String == "webm")
            #expect(body["resolution"] as? String == "1080p")
            #expect(body["license_type"] as? String == "standard")
            #expect(body["redownload"] as? Bool == false)
            #expect(body["expires_in"] as? Int == 900)
            #expect((body["license_id"] as? String)?.hasPrefix("lic_") == true)
            let expiresAt = try #require(ISODate.date(body["expires_at"] as? String ?? ""))
            #expect(abs(expiresAt.timeIntervalSinceNow - 900) < 5)
            #expect(body["file_name"] as? String == "stockflow-\(Self.clip4K)-1080p.webm")
            // 3.4 s at 2.5 MB/s, WebM at three quarters.
            #expect(body["file_size"] as? Int == 6_375_000)
            let quota = try #require(body["download_quota"] as? [String: Any])
            #expect(quota["limit"] as? Int == 500 && quota["used"] as? Int == 13 && quota["remaining"] as? Int == 487)

            let url = try #require(body["url"] as? String)
            #expect(url.hasPrefix("http://127.0.0.1:\(server.port)/_files/stockflow-\(Self.clip4K)-1080p.webm/stockflow-\(Self.clip4K)-1080p.webm?"))
            let (status, headers, bytes) = try await Self.fetch(url, range: "bytes=1000-1999")
            #expect(status == 206)
            #expect(headers.first(name: "Content-Range") == "bytes 1000-1999/6375000")
            #expect(headers.first(name: "Content-Type") == "video/webm")
            #expect(bytes == SandboxFiles.bytes(key: "stockflow-\(Self.clip4K)-1080p.webm", from: 1000, count: 1000))
            let whole = try await Self.fetch(url)
            #expect(whole.0 == 200 && whole.2.count == 6_375_000)
            #expect(whole.2 == SandboxFiles.bytes(key: "stockflow-\(Self.clip4K)-1080p.webm", from: 0, count: 6_375_000))
            #expect(server.fileFetchCount(key: "stockflow-\(Self.clip4K)-1080p.webm") == 2)

            #expect(server.chargeCounts() == [Self.clip4K: 1])
            let me = try await Self.me(server, auth: auth)
            #expect(me["used"] as? Int == 13 && me["remaining"] as? Int == 487)
        }
    }

    @Test func reDownloadsAreFreeAndAnotherLicenseTypeChargesAgain() async throws {
        try await withSandbox(SandboxOptions(api: .stockflow)) { server in
            let auth = try await Self.auth(server)
            let first = try await Self.download(server, Self.clip4K, #"{"format": "mp4", "resolution": "4k"}"#, auth: auth)
            let licenseID = try #require(try first.object()["license_id"] as? String)
            // The same license in other formats and resolutions: free, same license.
            for body in [#"{"format": "mp4", "resolution": "4k"}"#, #"{"format": "mov", "resolution": "1080p", "license_type": "standard"}"#, nil] {
                let again = try await Self.download(server, Self.clip4K, body, auth: auth)
                #expect(again.status == 200, "\(again.body)")
                #expect(try again.object()["redownload"] as? Bool == true)
                #expect(try again.object()["license_id"] as? String == licenseID)
            }
            #expect(server.chargeCounts() == [Self.clip4K: 1])
            let extended = try await Self.download(server, Self.clip4K, #"{"format": "mp4", "resolution": "4k", "license_type": "extended"}"#, auth: auth)
            #expect(try extended.object()["redownload"] as? Bool == false)
            #expect(try extended.object()["license_type"] as? String == "extended")
            #expect(try extended.object()["license_id"] as? String != licenseID)
            #expect(server.chargeCounts() == [Self.clip4K: 2])
            let me = try await Self.me(server, auth: auth)
            #expect(me["used"] as? Int == 14 && me["remaining"] as? Int == 486)
            // The charges tests read over HTTP say the same.
            let charges = try await Wire.send("http://127.0.0.1:\(server.port)/_sandbox/charges").object()
            #expect((charges["byAsset"] as? [String: Any])?["\(Self.clip4K)"] as? Int == 2)
            let list = try #require(charges["charges"] as? [[String: Any]])
            #expect(list.map { $0["reference"] as? String }.first == licenseID)
            #expect(list.allSatisfy { $0["account"] as? String == "391" && $0["amount"] as? Int == 1 && $0["licenseAgain"] as? Bool == false })
        }
    }

    @Test func fileSizesFollowDurationResolutionAndFormat() async throws {
        try await withSandbox(SandboxOptions(api: .stockflow)) { server in
            let auth = try await Self.auth(server)
            func size(_ clip: Int64, _ body: String) async throws -> String {
                let o = try await Self.download(server, clip, body, auth: auth).object()
                return "\(o["file_size"] as? Int ?? -1) \(o["file_name"] as? String ?? "")"
            }
            // 4k at 10 MB/s for 3.4 s is 34 MB: capped at 32 MiB.
            #expect(try await size(Self.clip4K, #"{"format": "mp4", "resolution": "4k"}"#) == "33554432 stockflow-12525-4k.mp4")
            #expect(try await size(Self.clip4K, #"{"format": "mp4", "resolution": "1080p"}"#) == "8500000 stockflow-12525-1080p.mp4")
            #expect(try await size(Self.clip4K, #"{"format": "mov", "resolution": "1080p"}"#) == "13600000 stockflow-12525-1080p.mov")
            // A 720p clip asked for at 1080p comes in its own 720p frame: 3.5 s at 1 MB/s.
            #expect(try await size(Self.clip720, #"{"format": "mp4", "resolution": "1080p"}"#) == "3500000 stockflow-12093-720p.mp4")
        }
    }

    @Test func whatTheClipDoesNotOfferIsRefusedWith400AndCostsNothing() async throws {
        try await withSandbox(SandboxOptions(api: .stockflow)) { server in
            let auth = try await Self.auth(server)
            let cases: [(Int64, String, String)] = [
                (Self.clipMP4Only, #"{"format": "mp4", "resolution": "4k"}"#, "RESOLUTION_UNAVAILABLE"),
                (Self.clipMP4Only, #"{"format": "webm"}"#, "FORMAT_UNAVAILABLE"),
                (Self.clipMP4Only, #"{"format": "avi"}"#, "INVALID_PARAMETER"),
                (Self.clipMP4Only, #"{"resolution": "720p"}"#, "INVALID_PARAMETER"),
                (Self.clipMP4Only, #"{"license_type": "commercial"}"#, "INVALID_PARAMETER"),
                (Self.clipMP4Only, #"{"license_type": "extended"}"#, "LICENSE_TYPE_UNAVAILABLE"),
                (Self.clipEditorial, #"{"license_type": "standard"}"#, "LICENSE_TYPE_UNAVAILABLE"),
                (Self.clipMP4Only, #"["mp4"]"#, "INVALID_PARAMETER"),
                (Self.clipMP4Only, #"{"format": "#, "INVALID_PARAMETER"),
            ]
            for (clip, body, code) in cases {
                let r = try await Self.download(server, clip, body, auth: auth)
                #expect(r.status == 400, "\(body): \(r.body)")
                #expect(try Self.errorCode(r).code == code, "\(body)")
            }
            let message = try Self.errorCode(try await Self.download(server, Self.clipMP4Only, #"{"resolution": "4k"}"#, auth: auth)).message
            #expect(message == "Clip \(Self.clipMP4Only) is 1080p; 4k is not available for it.")
            let missing = try await Self.download(server, 99_999_999, #"{"format": "mp4"}"#, auth: auth)
            #expect(missing.status == 404)
            #expect(try Self.errorCode(missing).code == "NOT_FOUND")
            let photo = try await Self.download(server, 10001, nil, auth: auth)
            #expect(photo.status == 404)
            #expect(server.chargeCounts().isEmpty)
            // An editorial-only clip defaults to its own license.
            let editorial = try await Self.download(server, Self.clipEditorial, nil, auth: auth)
            #expect(editorial.status == 200)
            #expect(try editorial.object()["license_type"] as? String == "editorial")
            #expect(try editorial.object()["format"] as? String == "mp4")
            #expect(try editorial.object()["resolution"] as? String == "1080p")
        }
    }

    @Test func aReadOnlyKeyIsRefusedForItsScope() async throws {
        try await withSandbox(SandboxOptions(api: .stockflow)) { server in
            let auth = try await Self.auth(server, key: server.credentials.stockflow!.readOnlyKey)
            let r = try await Self.download(server, Self.clip4K, #"{"format": "mp4"}"#, auth: auth)
            #expect(r.status == 403)
            let (code, message) = try Self.errorCode(r)
            #expect(code == "INSUFFICIENT_SCOPE")
            #expect(message == "Downloading a clip needs the admin scope; this API key has the read scope. Create an admin key in your dashboard.")
            // Scope comes before the clip is looked up.
            #expect(try await Self.download(server, 99_999_999, nil, auth: auth).status == 403)
            #expect(server.chargeCounts().isEmpty)
        }
    }

    @Test func anExpiredLicenseIsRefusedWithTheRemedy() async throws {
        try await withSandbox(SandboxOptions(api: .stockflow)) { server in
            let c = server.credentials.stockflow!
            let auth = try await Self.auth(server, key: c.expiredLicenseKey)
            let r = try await Self.download(server, Self.clip4K, #"{"format": "mp4"}"#, auth: auth)
            #expect(r.status == 403)
            let (code, message) = try Self.errorCode(r)
            #expect(code == "LICENSE_EXPIRED")
            #expect(message == "Your license expired on \(c.licenseExpiredOn); renew it with POST /v2/licenses/renew")
            let me = try await Wire.send("\(server.baseURL)/users/me", headers: auth).object()
            #expect(me["scope"] as? String == "read admin")
            #expect(me["license_status"] as? String == "expired")
            #expect(server.chargeCounts().isEmpty)
        }
    }

    @Test func aUsedUpQuotaRefusesNewLicensesButNotReDownloads() async throws {
        try await withSandbox(SandboxOptions(api: .stockflow)) { server in
            let auth = try await Self.auth(server, key: server.credentials.stockflow!.lastDownloadKey)
            #expect(try await Self.me(server, auth: auth)["remaining"] as? Int == 1)
            let last = try await Self.download(server, Self.clip720, #"{"format": "mp4"}"#, auth: auth)
            #expect(last.status == 200)
            #expect((try last.object()["download_quota"] as? [String: Any])?["remaining"] as? Int == 0)
            let refused = try await Self.download(server, Self.clip4K, #"{"format": "mp4"}"#, auth: auth)
            #expect(refused.status == 403)
            let (code, message) = try Self.errorCode(refused)
            #expect(code == "DOWNLOAD_QUOTA_EXCEEDED")
            #expect(message?.contains("50 of 50") == true)
            let extended = try await Self.download(server, Self.clip720, #"{"format": "mp4", "license_type": "extended"}"#, auth: auth)
            #expect(extended.status == 403)
            let again = try await Self.download(server, Self.clip720, #"{"format": "mov"}"#, auth: auth)
            #expect(again.status == 200)
            #expect(try again.object()["redownload"] as? Bool == true)
            #expect(server.chargeCounts() == [Self.clip720: 1])
            let me = try await Self.me(server, auth: auth)
            #expect(me["used"] as? Int == 50 && me["remaining"] as? Int == 0)
        }
    }

    @Test func aDownloadURLExpiresAfterItsLifetime() async throws {
        try await withSandbox(SandboxOptions(api: .stockflow, downloadURLLifetime: .seconds(2))) { server in
            let auth = try await Self.auth(server)
            let body = try await Self.download(server, Self.clip720, #"{"format": "mp4"}"#, auth: auth).object()
            #expect(body["expires_in"] as? Int == 2)
            let url = try #require(body["url"] as? String)
            let expiresAt = try #require(ISODate.date(body["expires_at"] as? String ?? ""))
            #expect(expiresAt.timeIntervalSinceNow <= 2)
            #expect(url.contains("expires=\(Int64(expiresAt.timeIntervalSince1970))&"))
            try await Task.sleep(for: .seconds(max(0, expiresAt.timeIntervalSinceNow) + 1.1))
            // Expired, not forged: the signature still matches.
            let expired = try await Wire.send(url)
            #expect(expired.status == 403)
            #expect(expired.body.contains("<Code>AccessDenied</Code>"))
            #expect(expired.body.contains("Request has expired"))
            // Altered, it is forged whatever the time.
            let forged = try await Wire.send(url.replacingOccurrences(of: "size=3500000", with: "size=3500001"))
            #expect(forged.status == 403 && forged.body.contains("SignatureDoesNotMatch"))
            #expect(server.fileFetchCount(key: "stockflow-12093-720p.mp4") == 0)
        }
    }

    @Test func revokedTokensAreRefusedAsRFC7009Says() async throws {
        try await withSandbox(SandboxOptions(api: .stockflow)) { server in
            let c = server.credentials.stockflow!
            let pair = try await StockFlowAuthTests.token(server, key: c.adminKey)
            let access = try #require(pair["access_token"] as? String), refresh = try #require(pair["refresh_token"] as? String)
            let url = "\(server.baseURL)/oauth/revoke"
            #expect(try await Wire.send("\(server.baseURL)/users/me", headers: [("Authorization", "Bearer \(access)")]).status == 200)
            // Another key cannot revoke it; an unknown token is no error; a missing key is.
            #expect(try await Wire.form(url, [("token", access), ("client_secret", c.readOnlyKey)]).status == 200)
            #expect(try await Wire.send("\(server.baseURL)/users/me", headers: [("Authorization", "Bearer \(access)")]).status == 200)
            #expect(try await Wire.form(url, [("token", "sf_at_nothing"), ("client_secret", c.adminKey)]).status == 200)
            let noKey = try await Wire.form(url, [("token", access)])
            #expect(noKey.status == 401)
            #expect(try noKey.object()["error"] as? String == "invalid_client")
            let noToken = try await Wire.form(url, [("client_secret", c.adminKey)])
            #expect(noToken.status == 400)
            #expect(try noToken.object()["error"] as? String == "invalid_request")

            let revoked = try await Wire.form(url, [("token", access), ("client_secret", c.adminKey)])
            #expect(revoked.status == 200 && revoked.body.isEmpty)
            let refused = try await Wire.send("\(server.baseURL)/users/me", headers: [("Authorization", "Bearer \(access)")])
            #expect(refused.status == 401)
            #expect(try Self.errorCode(refused).code == "AUTH_REQUIRED")
            // The refresh token still works until it is revoked too.
            #expect(try await Wire.form(url, [("token", refresh), ("client_secret", c.adminKey)]).status == 200)
            let reuse = try await Wire.form("\(server.baseURL)/oauth/token", [("grant_type", "refresh_token"), ("refresh_token", refresh)])
            #expect(reuse.status == 400)
        }
    }

    @Test func aShortenedRateWindowCountsTheSameWay() async throws {
        // The limiter itself, on the test's clock: 2 per 5 s instead of per minute.
        let environment = SandboxEnvironment(options: SandboxOptions(api: .stockflow, rateLimit: 2, rateWindow: .seconds(5)),
                                             catalog: TestCatalog.shared)
        #expect(environment.admit("k", arrivedAt: 0) == .admitted)
        #expect(environment.admit("k", arrivedAt: 0.5) == .admitted)
        #expect(environment.admit("k", arrivedAt: 1) == .refused(retryAfter: 4))
        #expect(environment.admit("k", arrivedAt: 5.1) == .admitted)
        #expect(environment.admit("k", arrivedAt: 5.2) == .refused(retryAfter: 1))
        // Over the wire, the 429 names the window.
        try await withSandbox(SandboxOptions(api: .stockflow, rateLimit: 2, rateWindow: .seconds(30))) { server in
            let auth = try await Self.auth(server)
            #expect(try await Wire.send("\(server.baseURL)/categories", headers: auth).status == 200)
            #expect(try await Wire.send("\(server.baseURL)/categories", headers: auth).status == 200)
            let refused = try await Wire.send("\(server.baseURL)/categories", headers: auth)
            #expect(refused.status == 429)
            let wait = try #require(refused.headers.first(name: "Retry-After").flatMap(Int.init))
            #expect((1...30).contains(wait))
            #expect(try Self.errorCode(refused).message == "You have exceeded 2 requests per 30 seconds. Retry after \(wait) seconds.")
        }
        #expect(throws: SandboxError.self) { try SandboxOptions(api: .stockflow, rateWindow: .zero).validate() }
        #expect(throws: SandboxError.self) { try SandboxOptions(api: .stockflow, downloadURLLifetime: .seconds(-1)).validate() }
    }
}
