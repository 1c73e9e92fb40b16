import Foundation
import StockCore

/// What the Stocksy account has bought and what it has left: the balance, every purchase (oldest
/// first), and per asset the purchased products that `GET /assets/{id}` shows as
/// `purchasedProducts`. A purchase is checked against the balance and charged under one lock, so
/// two purchases sent at once can never spend the same money twice.
final class StocksyPurchaseBook: Sendable {
    /// One product bought: a size (which delivers a file) or an extended license.
    struct Item: Sendable, Hashable {
        /// The purchased product's id, which `GET /downloads/{id}` takes.
        var id: Int64
        var assetID: Int64
        var product: Product
        /// The asset's kind and length, for the file a download delivers.
        var kind: AssetKind
        var duration: Double?
        var date: Date
    }

    /// One `POST /purchases` that was paid.
    struct Purchase: Sendable, Hashable {
        var id: Int64
        var date: Date
        var project: String?
        var client: String?
        var poNumber: String?
        var items: [Item]
        /// The sum of the items' prices; Stocksy adds no tax here, so it is also the total.
        var subtotal: Money
    }

    /// One asset of a purchase request, already checked: the products asked for, in order.
    struct Line: Sendable {
        var asset: Asset
        var products: [Product]

        var cost: Int64 { products.reduce(0) { $0 + $1.price.amount } }
    }

    enum Outcome: Sendable {
        /// Paid; `again` holds the assets that had been bought before.
        case bought(Purchase, again: Set<Int64>)
        /// Not enough money: nothing was charged.
        case insufficient(cost: Money, balance: Money)
    }

    private struct State {
        var balance: Int64
        var purchases: [Purchase] = []
        var itemsByID: [Int64: Item] = [:]
        var itemsByAsset: [Int64: [Item]] = [:]
        var nextPurchaseID: Int64 = 1_000_001
        /// After the seed's example purchased product, 6867571.
        var nextItemID: Int64 = 6_867_572
    }

    /// The account's currency, upper case ("USD"), and its digits.
    let currency: String
    let decimals: Int
    /// `customerId` and `customerAgentId` of every purchase: the user's id.
    let customerID: Int
    private let state: Locked<State>

    init(openingBalance: Int64, currency: String, decimals: Int, customerID: Int) {
        self.currency = currency.uppercased()
        self.decimals = decimals
        self.customerID = customerID
        state = Locked(State(balance: openingBalance))
    }

    /// The `availableBalance` now.
    var balance: Money { Money(amount: state.withLock { $0.balance }, currency: currency, decimals: decimals) }

    /// Every purchase, newest first (`GET /purchases`).
    var newestFirst: [Purchase] { state.withLock { $0.purchases.reversed() } }

    func purchase(id: Int64) -> Purchase? { state.withLock { s in s.purchases.first { $0.id == id } } }

    func item(id: Int64) -> Item? { state.withLock { $0.itemsByID[id] } }

    /// What was bought of one asset, oldest first.
    func items(assetID: Int64) -> [Item] { state.withLock { $0.itemsByAsset[assetID] ?? [] } }

    /// Charges the lines if the balance covers them, and records the purchase. `charged` runs
    /// under the book's lock once the purchase is recorded, so that the charge record and the
    /// purchase appear together.
    func buy(_ lines: [Line], project: String?, client: String?, poNumber: String?, date: Date,
             charged: (Purchase, Set<Int64>) -> Void) -> Outcome {
        let cost = lines.reduce(Int64(0)) { $0 + $1.cost }
        return state.withLock { s in
            guard cost <= s.balance else {
                return .insufficient(cost: money(cost), balance: money(s.balance))
            }
            var items: [Item] = []
            var again: Set<Int64> = []
            for line in lines {
                let assetID = line.asset.id.rawValue
                if !(s.itemsByAsset[assetID] ?? []).isEmpty { again.insert(assetID) }
                for product in line.products {
                    let item = Item(id: s.nextItemID, assetID: assetID, product: product, kind: line.asset.kind,
                                    duration: line.asset.duration, date: date)
                    s.nextItemID += 1
                    items.append(item)
                    s.itemsByID[item.id] = item
                    s.itemsByAsset[assetID, default: []].append(item)
                }
            }
            let purchase = Purchase(id: s.nextPurchaseID, date: date, project: project, client: client, poNumber: poNumber,
                                    items: items, subtotal: money(cost))
            s.nextPurchaseID += 1
            s.balance -= cost
            s.purchases.append(purchase)
            charged(purchase, again)
            return .bought(purchase, again: again)
        }
    }

    private func money(_ amount: Int64) -> Money { Money(amount: amount, currency: currency, decimals: decimals) }
}
