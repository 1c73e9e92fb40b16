import StockCore
import Synchronization

/// The decoded pictures the browser has in memory, by asset id, the least recently used dropped
/// beyond a byte budget. The runtime puts what it decoded; the screen thread reads what it draws.
///
/// ```swift
/// let store = PictureStore(capacityBytes: 48 << 20)
/// store.put(image, for: asset.id)
/// store.picture(for: asset.id)   // the image, now the most recently used
/// ```
public final class PictureStore: Sendable {
    private struct Entries {
        var images: [AssetID: RGBImage] = [:]
        /// Least recently used first.
        var order: [AssetID] = []
        var bytes = 0
    }

    /// The most pixel bytes kept.
    public let capacityBytes: Int
    private let entries = Mutex(Entries())

    /// A store keeping at most `capacityBytes` of pixels (48 MB by default: about 200 pictures of
    /// 240 × 320).
    public init(capacityBytes: Int = 48 << 20) {
        self.capacityBytes = capacityBytes
    }

    /// The asset's picture, if decoded and still kept.
    public func picture(for id: AssetID) -> RGBImage? {
        entries.withLock { e in
            guard let image = e.images[id] else { return nil }
            if let i = e.order.firstIndex(of: id) { e.order.remove(at: i); e.order.append(id) }
            return image
        }
    }

    /// Keeps `image` as the asset's picture, dropping the least recently used beyond the budget
    /// (never the one just put).
    public func put(_ image: RGBImage, for id: AssetID) {
        entries.withLock { e in
            if let old = e.images[id], let i = e.order.firstIndex(of: id) {
                e.bytes -= old.pixels.count
                e.order.remove(at: i)
            }
            e.images[id] = image
            e.order.append(id)
            e.bytes += image.pixels.count
            while e.bytes > capacityBytes, e.order.count > 1 {
                let victim = e.order.removeFirst()
                e.bytes -= e.images.removeValue(forKey: victim)?.pixels.count ?? 0
            }
        }
    }

    /// Forgets every picture (another provider's asset ids mean other assets).
    public func removeAll() {
        entries.withLock { $0 = Entries() }
    }

    /// How many pictures are kept.
    public var count: Int { entries.withLock { $0.images.count } }
}
