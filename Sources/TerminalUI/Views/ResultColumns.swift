import StockCore

/// The columns of the result list and their widths for a pane width.
///
/// Widths are fixed, never measured from the rows, so that scrolling through a list of any length
/// costs only the visible rows and nothing jitters. The title takes what is left; at narrow
/// widths the resolution and tier columns fold into one badge column ("4K P2"), then the least
/// essential columns go: badges, size, type, then price. The id column is as wide as the longest
/// id on screen (ids of one service have one length, so it does not jitter in practice).
///
/// ```text
///         ID TITLE                              TYPE         SIZE RES   TIER      PRICE
/// ›    10001 Frozen Lake Baikal at dawn         photo   6000×4000                 $9.00
///      10002 Aerial view of the Altai mountains video        1:05 4K    P1       $79.00
/// ```
struct ResultColumns: Hashable, Sendable {
    /// One column after the title.
    enum Column: String, CaseIterable, Hashable, Sendable {
        case type, size, resolution, tier, badges, price

        /// Its header.
        var header: String {
            switch self {
            case .type: "TYPE"
            case .size: "SIZE"
            case .resolution: "RES"
            case .tier: "TIER"
            case .badges: "TAGS"
            case .price: "PRICE"
            }
        }

        /// Its fixed width.
        var width: Int {
            switch self {
            case .type: 6
            case .size: 9
            case .resolution: 5
            case .tier: 4
            case .badges: 5
            case .price: 11
            }
        }

        /// Numbers line up on the right.
        var isRightAligned: Bool { self == .size || self == .price }
    }

    /// The selection marker's column ("›").
    static let markerWidth = 1
    /// The id column's width when no id is on screen.
    static let defaultIDWidth = 5
    /// Blank columns between two columns.
    static let gap = 1
    /// The title keeps at least this many columns before another column is dropped.
    static let minimumTitleWidth = 14
    /// The order in which columns are dropped when the pane is narrow (after the fold).
    static let dropOrder: [Column] = [.badges, .size, .type, .price]

    /// The columns after the title, left to right.
    var columns: [Column]
    /// The title's width.
    var titleWidth: Int
    /// The id column's width.
    var idWidth: Int

    /// The columns for a pane `width` columns wide whose longest id on screen is `idWidth` long.
    init(width: Int, idWidth: Int = ResultColumns.defaultIDWidth) {
        self.idWidth = idWidth
        var columns: [Column] = [.type, .size, .resolution, .tier, .price]
        func titleWidth(_ columns: [Column]) -> Int {
            width - Self.markerWidth - idWidth - Self.gap - columns.reduce(0) { $0 + Self.gap + $1.width }
        }
        if titleWidth(columns) < Self.minimumTitleWidth {
            columns = [.type, .size, .badges, .price]
        }
        for column in Self.dropOrder where titleWidth(columns) < Self.minimumTitleWidth {
            columns.removeAll { $0 == column }
        }
        self.columns = columns
        self.titleWidth = max(0, titleWidth(columns))
    }

    /// The id column's width for the ids on screen: the longest, at least the header's.
    static func idWidth<S: Sequence>(for assets: S) -> Int where S.Element == Asset {
        max(2, assets.reduce(0) { max($0, $1.id.description.count) })
    }

    /// Where the title starts, from the pane's left edge.
    var titleOffset: Int { Self.markerWidth + idWidth + Self.gap }

    /// Each column after the title with its offset from the pane's left edge.
    var placed: [(column: Column, offset: Int)] {
        var offset = titleOffset + titleWidth
        return columns.map { column in
            defer { offset += Self.gap + column.width }
            return (column, offset + Self.gap)
        }
    }

    /// The text of `column` for `asset` (as the CLI's result table writes it).
    static func text(_ column: Column, for asset: Asset) -> String {
        switch column {
        case .type: AssetListText.kind(asset.kind)
        case .size: AssetListText.size(of: asset)
        case .resolution: AssetListText.resolution(of: asset)
        case .tier: AssetListText.tier(of: asset)
        case .badges: [asset.is4K ? "4K" : "", AssetListText.tier(of: asset)]
            .filter { !$0.isEmpty }.joined(separator: " ")
        case .price: asset.lowestPrice?.formatted ?? ""
        }
    }

    /// The badge colour of a cell: 4K and free in accent, premium in warning.
    static func style(_ column: Column, for asset: Asset) -> Style {
        switch column {
        case .resolution where asset.is4K: ViewStyle.accent
        case .tier where asset.premiumLevel.isFree: ViewStyle.accent
        case .tier where asset.premiumLevel.isPremium: ViewStyle.warning
        case .badges where asset.premiumLevel.isPremium: ViewStyle.warning
        case .badges where asset.is4K || asset.premiumLevel.isFree: ViewStyle.accent
        default: .plain
        }
    }
}
