import Foundation

/// Stocksy's user (the seed's `User` example) and the temporary credentials `POST /login` hands out.
struct StocksyAccounts: Sendable {
    struct User: Sendable {
        var id: Int
        var email: String
        var password: String
        var firstName: String
        var lastName: String
        /// The opening balance, in minor units, with `currency` and `decimals` (what is left
        /// after purchases is `StocksyPurchaseBook.balance`).
        var balance: Int64
        var currency: String
        var decimals: Int
    }

    let user: User
    let credentials = Locked<[String: SigV4Verifier.Credentials]>([:])

    init(credentials c: StocksyCredentials) {
        user = User(id: 6, email: c.email, password: c.password, firstName: "Patrick", lastName: "McGoohan",
                    balance: 43_750, currency: "usd", decimals: 2)
    }

    func store(_ credentials: SigV4Verifier.Credentials) {
        self.credentials.withLock { $0[credentials.accessKeyID] = credentials }
    }

    func credentials(forAccessKey id: String) -> SigV4Verifier.Credentials? {
        credentials.withLock { $0[id] }
    }
}
