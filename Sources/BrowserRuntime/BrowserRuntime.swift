import BrowserModel
import StockCore
import StockImages
import Synchronization

/// Carries out the reducer's effects in Swift concurrency and answers with actions.
///
/// Each search, asset load and timer is a task kept under its id, so that `.cancel(id)` and
/// `.cancelTimer(id)` cancel the real work: a provider's HTTP request is torn down, a catalog
/// search still waiting for the worker never starts, a timer never fires. A cancelled task posts
/// nothing; the reducer would drop a stale answer anyway (it keys answers by request id), so the
/// two guards together make a late answer harmless.
///
/// Answers go to `deliver`, normally `ActionInbox.post`, which wakes the screen thread.
///
/// ```swift
/// let runtime = BrowserRuntime(provider: provider, clock: SystemBrowserClock(), deliver: inbox.post)
/// runtime.run(state.reduce(.started))
/// ```
public final class BrowserRuntime: Sendable {
    /// What a task is kept under.
    private enum Job: Hashable {
        case request(RequestID)
        case timer(TimerID)
        case categories
        case switchProvider
        case licenses(AssetID)
        case download(String)
    }

    /// Builds a configured provider by name (the provider picker's `.switchProvider`).
    public typealias ProviderFactory = @Sendable (String) async throws -> any StockProvider
    /// Builds the licensing desk of a provider (by its configured name, nil for an unnamed one),
    /// or nil when it cannot license.
    public typealias DeskFactory = @Sendable (String?, any StockProvider) -> (any PurchaseDesk)?

    private let current: Mutex<any StockProvider>
    private let currentDesk: Mutex<(any PurchaseDesk)?>
    private let makeProvider: ProviderFactory?
    private let makeDesk: DeskFactory?
    private let clock: any BrowserClock
    private let pictureSource: (any PictureSource)?
    /// The decoded pictures, read by the screen.
    public let pictures: PictureStore
    private let deliver: @Sendable (BrowserAction) -> Void
    private let jobs = Mutex<[Job: Task<Void, Never>]>([:])

    /// A runtime for `provider`, waiting on `clock`, answering through `deliver` (called on any
    /// thread). `makeProvider` builds the providers the picker offers; without it, switching
    /// answers with a failure.
    public init(provider: any StockProvider, providerName: String? = nil, clock: any BrowserClock = SystemBrowserClock(),
                makeProvider: ProviderFactory? = nil, makeDesk: DeskFactory? = nil,
                pictureSource: (any PictureSource)? = nil, pictures: PictureStore = PictureStore(),
                deliver: @escaping @Sendable (BrowserAction) -> Void) {
        self.current = Mutex(provider)
        self.currentDesk = Mutex(makeDesk?(providerName, provider))
        self.makeProvider = makeProvider
        self.makeDesk = makeDesk
        self.clock = clock
        self.pictureSource = pictureSource
        self.pictures = pictures
        self.deliver = deliver
    }

    /// The provider requests go to now.
    public var provider: any StockProvider { current.withLock { $0 } }

    /// The licensing desk of the current provider, if it can license.
    public var desk: (any PurchaseDesk)? { currentDesk.withLock { $0 } }

    /// Starts or cancels work for each effect, in order. `.quit` is the caller's to handle and is
    /// ignored here. Returns at once; answers arrive later through `deliver`.
    public func run(_ effects: [BrowserEffect]) {
        for effect in effects { run(effect) }
    }

    /// Tasks still running (searches, asset loads, timers).
    public var runningCount: Int { jobs.withLock { $0.count } }

    /// Cancels everything (on quit).
    public func cancelAll() {
        let tasks = jobs.withLock { jobs -> [Task<Void, Never>] in
            defer { jobs.removeAll() }
            return Array(jobs.values)
        }
        for task in tasks { task.cancel() }
    }

    private func run(_ effect: BrowserEffect) {
        switch effect {
        case .search(let id, let request):
            let provider = self.provider
            start(.request(id)) {
                let result: Result<SearchPage, BrowserFailure>
                do { result = .success(try await provider.search(request)) }
                catch { result = .failure(BrowserFailure(error: error)) }
                return .searchAnswered(id, result)
            }
        case .loadAsset(let id, let assetID):
            let provider = self.provider
            start(.request(id)) {
                let result: Result<Asset, BrowserFailure>
                do { result = .success(try await provider.asset(id: assetID)) }
                catch { result = .failure(BrowserFailure(error: error)) }
                return .assetAnswered(id, result)
            }
        case .startTimer(let token, let milliseconds):
            let clock = self.clock
            start(.timer(token)) {
                try? await clock.sleep(milliseconds: milliseconds)
                return .debounceElapsed(token)
            }
        case .loadCategories:
            let provider = self.provider
            start(.categories) {
                do { return .categoriesAnswered(.success(try await provider.categories())) }
                catch { return .categoriesAnswered(.failure(BrowserFailure(error: error))) }
            }
        case .switchProvider(let name):
            let makeProvider = self.makeProvider
            start(.switchProvider) { [weak self] in
                guard let makeProvider else {
                    return .providerSwitched(name, .failure(BrowserFailure(message: "no other provider is configured")))
                }
                do {
                    let provider = try await makeProvider(name)
                    let desk = self?.makeDesk?(name, provider)
                    // Swapped before the answer is posted: the searches the answer starts go to it.
                    self?.current.withLock { $0 = provider }
                    self?.currentDesk.withLock { $0 = desk }
                    self?.pictures.removeAll()
                    return .providerSwitched(name, .success(provider.info))
                } catch {
                    return .providerSwitched(name, .failure(BrowserFailure(error: error)))
                }
            }
        case .loadPicture(let id, let asset):
            if let kept = pictures.picture(for: asset.id) {
                deliver(.pictureAnswered(id, .success(PictureSize(width: kept.width, height: kept.height))))
                return
            }
            let source = self.pictureSource, provider = self.provider, store = self.pictures
            start(.request(id)) {
                guard let source else { return .pictureAnswered(id, .failure(BrowserFailure(message: "pictures are off"))) }
                do {
                    let image = try await source.picture(for: asset, provider: provider)
                    try Task.checkCancellation()
                    store.put(image, for: asset.id)
                    return .pictureAnswered(id, .success(PictureSize(width: image.width, height: image.height)))
                } catch {
                    return .pictureAnswered(id, .failure(BrowserFailure(error: error)))
                }
            }
        case .loadOffer(let id, let asset):
            let desk = self.desk, name = provider.info.displayName
            start(.request(id)) {
                guard let desk else { return .purchase(.offerAnswered(id, .failure(Self.noLicensing(name)))) }
                do { return .purchase(.offerAnswered(id, .success(try await desk.offer(for: asset)))) }
                catch { return .purchase(.offerAnswered(id, .failure(BrowserFailure(error: error)))) }
            }
        case .license(let id, let order, let offer):
            let desk = self.desk, name = provider.info.displayName
            // Never cancelled from here: once journaled and sent, only its answer ends it.
            start(.request(id)) {
                guard let desk else { return .purchase(.licenseAnswered(id, .failure(Self.noLicensing(name)))) }
                do { return .purchase(.licenseAnswered(id, .success(try await desk.license(order, offer: offer)))) }
                catch { return .purchase(.licenseAnswered(id, .failure(BrowserFailure(error: error)))) }
            }
        case .loadLicenses(let assetID):
            guard let desk = self.desk else { break }
            start(.licenses(assetID)) {
                .purchase(.licensesAnswered(assetID, (try? await desk.licensed(assetID: assetID)) ?? []))
            }
        case .loadHistory(let id, let source, let offset, let limit):
            let desk = self.desk, name = provider.info.displayName
            start(.request(id)) {
                guard let desk else { return .purchase(.historyAnswered(id, .failure(Self.noLicensing(name)))) }
                do { return .purchase(.historyAnswered(id, .success(try await desk.history(source, offset: offset, limit: limit)))) }
                catch { return .purchase(.historyAnswered(id, .failure(BrowserFailure(error: error)))) }
            }
        case .download(let product):
            let desk = self.desk, name = provider.info.displayName, deliver = self.deliver
            let throttle = ProgressThrottle()
            start(.download(product.id)) {
                guard let desk else { return .purchase(.downloadFinished(productID: product.id, .failure(Self.noLicensing(name)))) }
                do {
                    let path = try await desk.download(product) { progress in
                        if throttle.shouldReport() { deliver(.purchase(.downloadProgressed(productID: product.id, progress))) }
                    }
                    return .purchase(.downloadFinished(productID: product.id, .success(path)))
                } catch {
                    return .purchase(.downloadFinished(productID: product.id, .failure(BrowserFailure(error: error))))
                }
            }
        case .cancel(let id):
            cancel(.request(id))
        case .cancelTimer(let token):
            cancel(.timer(token))
        case .quit:
            break
        }
    }

    private static func noLicensing(_ provider: String) -> BrowserFailure {
        BrowserFailure(message: "licensing is not available for \(provider)")
    }

    /// Runs `work` as a task under `job`; posts its action unless the task was cancelled.
    private func start(_ job: Job, _ work: @escaping @Sendable () async -> BrowserAction) {
        let deliver = self.deliver
        // The task removes itself when done; it waits for its own registration first (the lock),
        // so a task that finishes at once cannot be registered after it removed itself.
        let task = jobs.withLock { jobs -> Task<Void, Never> in
            let task = Task { [weak self] in
                let action = await work()
                let stillWanted = self?.finish(job) ?? false
                if stillWanted, !Task.isCancelled { deliver(action) }
            }
            jobs[job]?.cancel()
            jobs[job] = task
            return task
        }
        _ = task
    }

    /// Forgets a finished job; false if it had been cancelled (and so removed) already.
    private func finish(_ job: Job) -> Bool {
        jobs.withLock { $0.removeValue(forKey: job) != nil }
    }

    private func cancel(_ job: Job) {
        let task = jobs.withLock { $0.removeValue(forKey: job) }
        task?.cancel()
    }
}
