/// `stockterm download --json`: each file written or found on disk, and each that failed.
/// Schema: download.schema.json.
struct DownloadJSON: Encodable {
    /// A file on disk.
    struct File: Encodable {
        /// The licensed product's download id; null for a comp.
        @Nullable var downloadId: String?
        var assetId: Int64
        var path: String
        var bytes: Int64
        /// True when the ledger says it was downloaded before and it is still there.
        var alreadyOnDisk: Bool
        /// A watermarked comp, not a licensed file.
        var comp: Bool
    }

    /// A licensed product that could not be fetched (`--all` goes on with the others).
    struct Failure: Encodable {
        var downloadId: String
        var assetId: Int64
        var message: String
    }

    var provider: String
    var files: [File]
    var failed: [Failure]
}
