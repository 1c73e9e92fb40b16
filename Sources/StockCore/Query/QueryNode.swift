/// The syntax tree of a search query (000 seed, "Search Query Language").
///
/// ```
/// "lake ice"~3 (drone OR aerial) -winter type:video resolution:4k
/// ```
/// parses to `.and([.near(["lake","ice"], 3), .or([.term("drone"), .term("aerial")]),
/// .not(.term("winter")), .field(.kind(.video)), .field(.resolution(.k4))])`.
///
/// Words are stored lower-cased (matching is case-insensitive). `and` and `or` always hold at
/// least two children and never directly hold a node of their own kind (the parser flattens them).
public indirect enum QueryNode: Hashable, Sendable {
    /// A single word.
    case term(String)
    /// A word prefix: `dron*`.
    case prefix(String)
    /// Words in this order, adjacent: `"lake ice"`.
    case phrase([String])
    /// Words within `distance` positions of each other, in any order: `"lake ice"~3`.
    case near([String], distance: Int)
    /// A `field:value` filter.
    case field(FieldFilter)
    /// `NOT x` or `-x`.
    case not(QueryNode)
    /// Implicit or explicit `AND`.
    case and([QueryNode])
    /// `OR`.
    case or([QueryNode])
}

/// A `field:value` filter inside a query. Field names and values are case-insensitive.
///
/// | field | values |
/// |---|---|
/// | `type` | photo, illustration, vector, video, template |
/// | `orientation` | horizontal (landscape), vertical (portrait, tall), square, panorama |
/// | `license_type` (or `license`) | standard (commercial), extended, editorial |
/// | `category` | a slug, e.g. `urban-cinematic` |
/// | `tag` | a keyword that must be present |
/// | `resolution` | 720p, 1080p, 4k (a minimum) |
/// | `4k` | true, false |
/// | `premium` | true, false, all |
/// | `free` | true, false, only |
/// | `safe` | true, false |
/// | `camera` | digital, mobile, film |
/// | `composition` | long, medium, close, macro |
/// | `ungraded` | true, false |
/// | `duration`, `width`, `height`, `mp` | a range: `3.5..12`, `>=5000`, `..4000`, `<20` |
public enum FieldFilter: Hashable, Sendable {
    case kind(AssetKind)
    case orientation(Orientation)
    case license(LicenseType)
    case category(String)
    case tag(String)
    case resolution(VideoResolution)
    case fourK(Bool)
    case premium(PremiumChoice)
    case free(FreeChoice)
    case safe(Bool)
    case camera(Camera)
    case composition(Composition)
    case ungraded(Bool)
    case duration(NumericRange)
    case width(NumericRange)
    case height(NumericRange)
    case megapixels(NumericRange)
}
