/// Keeps the k best rows seen so far by a numeric key, with the asset id breaking ties, so that
/// the order is total and paging through it never repeats or skips a row.
struct TopK {
    struct Entry { var key: Double; var id: Int64; var row: UInt32 }

    let k: Int
    let descending: Bool
    /// A heap whose top is the worst entry kept.
    private var heap: [Entry] = []

    init(k: Int, descending: Bool) {
        self.k = k
        self.descending = descending
        heap.reserveCapacity(min(k, 1 << 16))
    }

    /// True when `a` comes before `b` in the final order.
    @inline(__always)
    func better(_ a: Entry, _ b: Entry) -> Bool {
        if a.key != b.key { return descending ? a.key > b.key : a.key < b.key }
        return a.id < b.id
    }

    @inline(__always)
    mutating func offer(_ e: Entry) {
        guard k > 0 else { return }
        if heap.count < k {
            heap.append(e)
            siftUp(heap.count - 1)
        } else if better(e, heap[0]) {
            heap[0] = e
            siftDown(0)
        }
    }

    /// The kept entries, best first.
    func sorted() -> [Entry] { heap.sorted(by: better) }

    private mutating func siftUp(_ i: Int) {
        var child = i
        while child > 0 {
            let parent = (child - 1) / 2
            // The worst entry rises to the top.
            guard better(heap[parent], heap[child]) else { break }
            heap.swapAt(parent, child)
            child = parent
        }
    }

    private mutating func siftDown(_ i: Int) {
        var parent = i
        let n = heap.count
        while true {
            let l = 2 * parent + 1, r = l + 1
            var worst = parent
            if l < n, better(heap[worst], heap[l]) { worst = l }
            if r < n, better(heap[worst], heap[r]) { worst = r }
            if worst == parent { return }
            heap.swapAt(parent, worst)
            parent = worst
        }
    }
}
