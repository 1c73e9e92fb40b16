import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import StockCore

/// One attempt: the request, its redirects, and the body into the part file.
extension Downloader {
    /// Fetches `start` (following redirects) into `part`, resuming from the part's size, and
    /// returns the complete size. Throws `TransferFailure` for the loop in `download` to decide,
    /// or `CancellationError`.
    func transfer(_ start: URL, into part: PartialFile, redactor: Redactor,
                  progress: (DownloadProgress) -> Void) async throws -> (bytes: Int64, resumed: Bool) {
        var offset = part.size
        var url = start
        var hops = 0
        var restarted = false
        let site = start.host ?? "the file server"
        while true {
            guard let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
                throw TransferFailure.fatal(.invalidRequest("a download link must be http or https, not \(redactor.redact(url: url.absoluteString))"))
            }
            var request = HTTPClientRequest(url: url.absoluteString)
            request.method = .GET
            request.headers.add(name: "User-Agent", value: HTTPTransport.userAgent)
            request.headers.add(name: "Accept", value: "*/*")
            request.headers.add(name: "Accept-Encoding", value: "identity")
            if offset > 0 { request.headers.add(name: "Range", value: "bytes=\(offset)-") }
            let response: HTTPClientResponse
            do {
                response = try await client.execute(request, timeout: .nanoseconds(Int64(headerTimeout.seconds * 1e9)))
            } catch {
                if Task.isCancelled { throw CancellationError() }
                let reason = redactor.redact(HTTPTransport.describe(error))
                throw TransferFailure.transient(reason, retryAfter: nil, final: .network("download from \(site): \(reason)"))
            }
            let status = Int(response.status.code)
            logger.debug("download: GET \(redactor.redact(url: url.absoluteString))\(offset > 0 ? " from byte \(offset)" : "") → \(status)")
            switch status {
            case 301, 302, 303, 307, 308:
                _ = try? await response.body.collect(upTo: 1 << 16)
                guard let location = response.headers.first(name: "Location"),
                      let next = URL(string: location, relativeTo: url)?.absoluteURL else {
                    throw TransferFailure.fatal(.malformedResponse("\(site) redirected the download without a Location"))
                }
                hops += 1
                guard hops <= maxRedirects else {
                    throw TransferFailure.fatal(.network("the download from \(site) was redirected more than \(maxRedirects) times"))
                }
                if url.scheme?.lowercased() == "https", next.scheme?.lowercased() == "http" {
                    throw TransferFailure.fatal(.network("the download from \(site) was redirected from https to plain http; refused"))
                }
                url = next
            case 200:
                if offset > 0 { logger.info("download: \(url.host ?? site) ignored the resume request; starting over") }
                let total = response.headers.first(name: "Content-Length").flatMap { Int64($0) }
                let bytes = try await receive(response.body, into: part, from: 0, total: total, site: site, progress: progress)
                return (bytes, false)
            case 206:
                guard let range = ContentRange(response.headers.first(name: "Content-Range") ?? "") , let first = range.first else {
                    throw TransferFailure.fatal(.malformedResponse("\(site) answered 206 without a usable Content-Range"))
                }
                guard first == offset else {
                    // Not where the part ends: start over without a Range rather than splice.
                    _ = try? await response.body.collect(upTo: 1 << 16)
                    guard offset > 0, !restarted else {
                        throw TransferFailure.fatal(.malformedResponse("\(site) sent bytes from \(first) when asked for \(offset)"))
                    }
                    restarted = true; offset = 0
                    continue
                }
                let bytes = try await receive(response.body, into: part, from: offset, total: range.total, site: site, progress: progress)
                return (bytes, offset > 0)
            case 416:
                _ = try? await response.body.collect(upTo: 1 << 16)
                let total = ContentRange(response.headers.first(name: "Content-Range") ?? "")?.total
                if offset > 0, let total, total == offset {
                    progress(DownloadProgress(received: offset, total: total))
                    return (offset, true)
                }
                guard offset > 0, !restarted else {
                    throw TransferFailure.fatal(.server(status: 416, message: "\(site) refused the byte range"))
                }
                logger.info("download: the part does not fit the file on \(site) (416); starting over")
                restarted = true; offset = 0
            default:
                throw await failure(status, response, site: site, redactor: redactor)
            }
        }
    }

    /// Streams `body` into the part from `offset`; returns the size once every byte is there.
    private func receive(_ body: HTTPClientResponse.Body, into part: PartialFile, from offset: Int64, total: Int64?,
                         site: String, progress: (DownloadProgress) -> Void) async throws -> Int64 {
        let writer: PartWriter
        do { writer = try part.open(from: offset) } catch let e as StockError { throw TransferFailure.fatal(e) }
        defer { writer.close() }
        var received = offset
        var meter = SpeedMeter(start: ContinuousClock.now)
        var lastReport = ContinuousClock.now
        progress(DownloadProgress(received: received, total: total))
        do {
            for try await chunk in body {
                if Task.isCancelled { break }
                try chunk.withUnsafeReadableBytes { try writer.write($0) }
                received += Int64(chunk.readableBytes)
                if let total, received > total {
                    // Not the file it claims to be: nothing of it is worth resuming.
                    writer.close()
                    try? FileManager.default.removeItem(at: part.url)
                    throw TransferFailure.fatal(.malformedResponse("\(site) sent more than the \(total) bytes it announced"))
                }
                let now = ContinuousClock.now
                meter.add(Int64(chunk.readableBytes), at: now)
                if now - lastReport >= progressInterval {
                    lastReport = now
                    progress(meter.progress(received: received, total: total))
                }
            }
        } catch let failure as TransferFailure {
            throw failure
        } catch let error as StockError {
            throw TransferFailure.fatal(error)
        } catch {
            if Task.isCancelled { throw CancellationError() }
            let reason = "\(HTTPTransport.describe(error)) after \(Format.bytes(received))"
                + (total.map { " of \(Format.bytes($0))" } ?? "")
            throw TransferFailure.transient(reason, retryAfter: nil, final: .network("download from \(site): \(reason)"))
        }
        try Task.checkCancellation()
        do { try writer.sync() } catch let e as StockError { throw TransferFailure.fatal(e) }
        if let total, received < total {
            let reason = "the server closed the connection after \(Format.bytes(received)) of \(Format.bytes(total))"
            throw TransferFailure.transient(reason, retryAfter: nil, final: .network("download from \(site): \(reason)"))
        }
        progress(DownloadProgress(received: received, total: total ?? received, bytesPerSecond: meter.rate, etaSeconds: 0))
        return received
    }

    /// What an error status means: an expired link, something worth retrying, or the end.
    private func failure(_ status: Int, _ response: HTTPClientResponse, site: String, redactor: Redactor) async -> TransferFailure {
        let raw = (try? await response.body.collect(upTo: 1 << 16)).map { String(buffer: $0) } ?? ""
        let said = Self.summary(of: raw, redactor: redactor)
        let words = said.isEmpty ? "HTTP \(status)" : "HTTP \(status): \(said)"
        let expiredWords = ["request has expired", "accessdenied", "expiredtoken", "expired"]
        if status == 403 || status == 410 || ([400, 401].contains(status) && expiredWords.contains { raw.lowercased().contains($0) }) {
            return .expired(words)
        }
        switch status {
        case 401:
            return .fatal(.unauthorized("\(site) refused the download link (\(words))"))
        case 404:
            return .fatal(.server(status: 404, message: "\(site) has no file at this link; it may have been removed"))
        case 429:
            let after = response.headers.first(name: "Retry-After").flatMap(Double.init)
            return .transient(words, retryAfter: after, final: .rateLimited(retryAfterSeconds: after))
        case 500...599:
            return .transient(words, retryAfter: nil, final: .server(status: status, message: "\(site) could not send the file (\(said.isEmpty ? "no details" : said))"))
        default:
            return .fatal(.server(status: status, message: "\(site) refused the download (\(said.isEmpty ? "no details" : said))"))
        }
    }

    /// A short, safe account of an error body: an S3-like `<Code>` and `<Message>`, or its first
    /// line; terminal controls removed and secrets masked.
    static func summary(of body: String, redactor: Redactor) -> String {
        func element(_ name: String) -> String? {
            guard let open = body.range(of: "<\(name)>"), let close = body.range(of: "</\(name)>", range: open.upperBound..<body.endIndex)
            else { return nil }
            return String(body[open.upperBound..<close.lowerBound])
        }
        let text: String
        if let code = element("Code") {
            text = [code, element("Message")].compactMap { $0 }.joined(separator: ": ")
        } else {
            text = body.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        }
        let safe = redactor.redact(SafeText.sanitize(text)).trimmingCharacters(in: .whitespaces)
        return DisplayWidth.truncate(safe, toWidth: 160)
    }
}

/// `Content-Range: bytes 100-199/1000`, `bytes */1000`, `bytes 100-199/*`.
struct ContentRange: Hashable {
    var first: Int64?
    var last: Int64?
    var total: Int64?

    init?(_ header: String) {
        let text = header.trimmingCharacters(in: .whitespaces)
        guard text.lowercased().hasPrefix("bytes ") else { return nil }
        let spec = text.dropFirst(6).split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard spec.count == 2 else { return nil }
        total = spec[1] == "*" ? nil : Int64(spec[1].trimmingCharacters(in: .whitespaces))
        if spec[1] != "*", total == nil { return nil }
        if spec[0] == "*" { return }
        let bounds = spec[0].split(separator: "-", maxSplits: 1)
        guard bounds.count == 2, let a = Int64(bounds[0]), let b = Int64(bounds[1]), a <= b else { return nil }
        first = a; last = b
    }
}

/// Speed smoothed over the last second or so, and the time left at that speed.
struct SpeedMeter {
    private let start: ContinuousClock.Instant
    private var sampleStart: ContinuousClock.Instant
    private var sampleBytes: Int64 = 0
    private var allBytes: Int64 = 0
    private(set) var smoothed: Double = 0

    init(start: ContinuousClock.Instant) { self.start = start; sampleStart = start }

    mutating func add(_ bytes: Int64, at now: ContinuousClock.Instant) {
        sampleBytes += bytes; allBytes += bytes
        let elapsed = (now - sampleStart).seconds
        guard elapsed >= 0.25 else { return }
        let instant = Double(sampleBytes) / elapsed
        smoothed = smoothed == 0 ? instant : 0.3 * instant + 0.7 * smoothed
        sampleStart = now; sampleBytes = 0
    }

    /// The smoothed speed, or the average so far before the first full sample.
    var rate: Double {
        if smoothed > 0 { return smoothed }
        let elapsed = (ContinuousClock.now - start).seconds
        return elapsed > 0.05 ? Double(allBytes) / elapsed : 0
    }

    func progress(received: Int64, total: Int64?) -> DownloadProgress {
        let r = rate
        let eta = total.flatMap { t in r > 0 ? Double(max(0, t - received)) / r : nil }
        return DownloadProgress(received: received, total: total, bytesPerSecond: r, etaSeconds: eta)
    }
}
