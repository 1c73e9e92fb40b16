import StockCore

/// Work the reducer asks for, as plain data. The runtime (BrowserRuntime) carries it out and
/// answers with actions; the reducer itself never does I/O, reads a clock or starts a task.
public enum BrowserEffect: Hashable, Sendable {
    /// Ask the provider for one page; answer with `.searchAnswered(id, result)`.
    case search(id: RequestID, request: SearchRequest)
    /// A search or asset request that is no longer wanted; cancel it if it still runs. Its answer,
    /// should one still arrive, is dropped by the reducer anyway.
    case cancel(RequestID)
    /// Start a timer; answer with `.debounceElapsed(token)` after `milliseconds`.
    case startTimer(TimerID, milliseconds: Int)
    /// A timer that is no longer wanted (its answer would be ignored).
    case cancelTimer(TimerID)
    /// Ask the provider for one asset with every field; answer with `.assetAnswered(id, result)`.
    case loadAsset(id: RequestID, asset: AssetID)
    /// Ask the provider for its categories; answer with `.categoriesAnswered(result)`.
    case loadCategories
    /// Build the configured provider `name` and use it from now on; answer with
    /// `.providerSwitched(name, result)`.
    case switchProvider(name: String)
    /// Ask the provider's licensing for what `asset` can be licensed as (after reconciling any
    /// unfinished intent); answer with `.purchase(.offerAnswered(id, result))`.
    case loadOffer(id: RequestID, asset: Asset)
    /// License through the ledger's coordinator (journaled before it is sent, sent once); answer
    /// with `.purchase(.licenseAnswered(id, result))`.
    case license(id: RequestID, order: LicenseOrder, offer: LicenseOffer)
    /// Ask the ledger what is licensed for an asset; answer with `.purchase(.licensesAnswered)`.
    case loadLicenses(AssetID)
    /// Download a licensed product into the download directory; answer with
    /// `.purchase(.downloadProgressed)` and `.purchase(.downloadFinished)`.
    case download(LicensedProduct)
    /// One page of the ledger's purchases or of the service's license history, newest first;
    /// answer with `.purchase(.historyAnswered)`.
    case loadHistory(id: RequestID, source: HistorySource, offset: Int, limit: Int)
    /// Fetch (or generate, for the demo catalog) and decode the asset's thumbnail into the picture
    /// store; answer with `.pictureAnswered(id, result)`. Cancelled with `.cancel(id)`.
    case loadPicture(id: RequestID, asset: Asset)
    /// Leave the program (restore the terminal).
    case quit
}
