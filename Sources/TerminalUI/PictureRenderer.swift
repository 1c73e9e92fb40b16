import StockCore
import StockImages

/// Turns the runtime's decoded pictures into half-block pictures of a given size for the views,
/// keeping the last few renderings (a frame redrawn with the same picture in the same box costs
/// nothing). Used on the screen thread only.
///
/// ```swift
/// let pictures = PictureRenderer(store: runtime.pictures)
/// BrowserView.render(state, into: &grid, spinnerFrame: 0, pictures: pictures)
/// ```
public final class PictureRenderer {
    private struct Key: Hashable {
        var id: AssetID
        var columns: Int
        var rows: Int
        var width: Int
        var height: Int
    }

    private let store: PictureStore
    private let renderer: HalfBlockRenderer
    private var recent: [(key: Key, picture: HalfBlockPicture)] = []
    /// Renderings kept.
    static let kept = 8

    /// Renders pictures from `store` with cells `cellAspectRatio` times as tall as wide.
    public init(store: PictureStore, cellAspectRatio: Double = 2.0) {
        self.store = store
        self.renderer = HalfBlockRenderer(cellAspectRatio: cellAspectRatio)
    }

    /// The asset's decoded picture at its own resolution, when the store has it.
    public func image(for id: AssetID) -> RGBImage? {
        store.picture(for: id)
    }

    /// The asset's picture fitted into at most `columns` × `rows` cells (aspect kept), or nil when
    /// the store does not have it.
    public func picture(for id: AssetID, columns: Int, rows: Int) -> HalfBlockPicture? {
        guard columns > 0, rows > 0, let image = store.picture(for: id), !image.isEmpty else { return nil }
        let key = Key(id: id, columns: columns, rows: rows, width: image.width, height: image.height)
        if let i = recent.firstIndex(where: { $0.key == key }) {
            let hit = recent.remove(at: i)
            recent.append(hit)
            return hit.picture
        }
        let picture = renderer.render(image, columns: columns, rows: rows)
        recent.append((key, picture))
        if recent.count > Self.kept { recent.removeFirst() }
        return picture
    }
}
