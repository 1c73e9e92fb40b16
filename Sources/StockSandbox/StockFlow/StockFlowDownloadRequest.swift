import Hummingbird
import StockCore

/// The body of `POST /v2/downloads/{clip_id}` (seed 002: "Accepts format (mp4, mov, webm) and
/// resolution (1080p, 4k) in the request body"), checked against the clip, and the file it asks for.
///
/// The sandbox's reading, where the documents are silent: every key is optional (`format`
/// defaults to the detail's `format`, `resolution` to 1080p, `license_type` to the detail's
/// `license_type`: standard when the clip has it); `license_type` is one of the clip's license
/// types; 4k only for 4k clips; `1080p` is the HD delivery, so a 720p clip asked for at 1080p is
/// delivered in its own 720p frame.
struct StockFlowDownloadRequest: Sendable, Equatable {
    static let formats = ["mp4", "mov", "webm"]
    static let resolutions: [VideoResolution] = [.p1080, .k4]

    var format: String
    var resolution: VideoResolution
    var licenseType: LicenseType

    /// Reads `body` (nil when the request has none) for `clip`.
    init(body: JSONValue?, clip: Asset) throws(HTTPFailure) {
        let id = clip.id
        if let body, case .object = body {} else if body != nil {
            throw StockFlowErrors.invalidParameter("the body must be a JSON object like {\"format\": \"mp4\", \"resolution\": \"1080p\"}")
        }
        let offered = clip.formats.filter(Self.formats.contains)
        if let value = body?["format"] {
            guard case .string(let text) = value, Self.formats.contains(text.lowercased()) else {
                throw StockFlowErrors.invalidParameter("format must be mp4, mov or webm")
            }
            format = text.lowercased()
        } else {
            guard let first = offered.first else {
                throw StockFlowErrors.failure(.badRequest, "FORMAT_UNAVAILABLE", "Clip \(id) has no downloadable format.")
            }
            format = first
        }
        guard offered.contains(format) else {
            throw StockFlowErrors.failure(.badRequest, "FORMAT_UNAVAILABLE",
                                          "Clip \(id) is not available as \(format); formats_available: \(offered.joined(separator: ", ")).")
        }

        if let value = body?["resolution"] {
            guard case .string(let text) = value, let r = VideoResolution(rawValue: text.lowercased()), Self.resolutions.contains(r) else {
                throw StockFlowErrors.invalidParameter("resolution must be 1080p or 4k")
            }
            resolution = r
        } else {
            resolution = .p1080
        }
        if resolution == .k4, clip.videoResolution != .k4 {
            throw StockFlowErrors.failure(.badRequest, "RESOLUTION_UNAVAILABLE",
                                          "Clip \(id) is \(clip.videoResolution?.rawValue ?? "not 4k"); 4k is not available for it.")
        }

        if let value = body?["license_type"] {
            guard case .string(let text) = value, let l = LicenseType(rawValue: text.lowercased()) else {
                throw StockFlowErrors.invalidParameter("license_type must be standard, extended or editorial")
            }
            licenseType = l
        } else {
            licenseType = Self.defaultLicense(clip)
        }
        guard clip.licenseTypes.contains(licenseType) else {
            throw StockFlowErrors.failure(.badRequest, "LICENSE_TYPE_UNAVAILABLE",
                                          "Clip \(id) is not offered under the \(licenseType.rawValue) license; it is offered under: \(clip.licenseTypes.sorted().map(\.rawValue).joined(separator: ", ")).")
        }
    }

    /// The license `GET /clips/{id}` shows: standard when the clip has it, else its first.
    static func defaultLicense(_ clip: Asset) -> LicenseType {
        clip.licenseTypes.contains(.standard) ? .standard : (clip.licenseTypes.sorted().first ?? .standard)
    }

    /// The frame class delivered: the one asked for, or the clip's own when that is lower.
    func delivered(_ clip: Asset) -> VideoResolution {
        min(resolution, clip.videoResolution ?? resolution)
    }

    /// Bytes per second of footage, by delivered frame (about 8, 20 and 80 Mbit/s).
    static func bytesPerSecond(_ r: VideoResolution) -> Double {
        switch r {
        case .p720: 1_000_000
        case .p1080: 2_500_000
        case .k4: 10_000_000
        }
    }

    /// How much bigger a container is than MP4: MOV as a mastering format, WebM smaller.
    static func formatFactor(_ format: String) -> Double {
        switch format {
        case "mov": 1.6
        case "webm": 0.75
        default: 1
        }
    }

    /// The file's size: proportionate to the clip's duration (10 s when unknown) and the delivered
    /// frame, capped at `SandboxFiles.maxSize`.
    func fileSize(_ clip: Asset) -> Int64 {
        let seconds = clip.duration ?? 10
        let size = Int64((seconds * Self.bytesPerSecond(delivered(clip)) * Self.formatFactor(format)).rounded())
        return min(max(size, 1), SandboxFiles.maxSize)
    }

    /// `stockflow-18742-4k.mp4`: the file's name, and the key its bytes are made from.
    func fileName(_ clip: Asset) -> String {
        "stockflow-\(clip.id)-\(delivered(clip).rawValue).\(format)"
    }
}
