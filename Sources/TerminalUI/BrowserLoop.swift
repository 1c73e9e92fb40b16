import BrowserModel
import Foundation

/// The screen thread's loop: wait, turn keys and answers into actions, reduce, hand the effects
/// to the runtime, render, blit. One frame per batch of events, nothing while idle.
///
/// TerminalUI does not know the runtime; the caller wires it with two closures, so that this
/// module imports only BrowserModel and CNCurses:
///
/// ```swift
/// var loop = BrowserLoop(state: state, screen: screen, wakeUp: inbox.fileDescriptor,
///                        drain: inbox.drain, run: runtime.run)
/// let final = loop.run()
/// ```
public struct BrowserLoop {
    /// How often the spinner turns while something loads.
    public static let spinnerMilliseconds: Int32 = 100

    /// The state, as of the last frame.
    public private(set) var state: BrowserState
    private let screen: TerminalScreen
    private let wakeUp: Int32
    private let drain: () -> [BrowserAction]
    private let runEffects: ([BrowserEffect]) -> Void
    private var spinnerFrame = 0
    private var quit = false
    /// The signal that ended the loop (SIGINT, SIGTERM, SIGHUP, SIGQUIT), or nil after `q`.
    public private(set) var quitSignal: Int32?
    private var frameObserver: ((FrameTiming) -> Void)?
    private let pictures: PictureRenderer?

    /// How long one batch took, for the speed figures (`STOCKTERM_FRAME_LOG`).
    public struct FrameTiming: Sendable {
        /// When the batch's first event was read.
        public var wokeAt: ContinuousClock.Instant
        /// When `doupdate()` returned.
        public var paintedAt: ContinuousClock.Instant
        /// The keys in the batch.
        public var keys: [Key]
        /// Actions from the runtime in the batch.
        public var answers: Int
    }

    /// A loop over `screen`, waking also on `wakeUp` (the runtime's pipe), taking the runtime's
    /// actions with `drain` and giving it effects with `run`.
    public init(state: BrowserState, screen: TerminalScreen, wakeUp: Int32,
                drain: @escaping () -> [BrowserAction], run: @escaping ([BrowserEffect]) -> Void,
                pictures: PictureRenderer? = nil, onFrame: ((FrameTiming) -> Void)? = nil) {
        self.state = state
        self.screen = screen
        self.wakeUp = wakeUp
        self.drain = drain
        self.runEffects = run
        self.frameObserver = onFrame
        self.pictures = pictures
    }

    /// Runs until `q` or a quit signal; returns the last state. The screen is left running:
    /// the caller stops it (so that it can print after the terminal is restored).
    public mutating func run() -> BrowserState {
        apply(.viewportChanged(rows: layout.resultRows, columns: layout.resultColumns))
        apply(.started)
        paint()
        while !quit {
            // The spinner needs frames only while something loads; otherwise sleep until an event.
            let timeout: Int32 = isAnimating ? Self.spinnerMilliseconds : -1
            let events = screen.wait(timeoutMilliseconds: timeout, also: wakeUp)
            let woke = ContinuousClock.now
            var keys: [Key] = []
            for event in events {
                switch event {
                case .key(let key):
                    keys.append(key)
                    if let action = KeyBinding.action(for: key, in: state) { apply(action) }
                    else if key == .control("l") { screen.invalidate() }
                case .resize:
                    break
                case .quitSignal(let signal):
                    quit = true
                    quitSignal = signal
                }
                if quit { break }
            }
            let answers = drain()
            for action in answers { apply(action) }
            if events.isEmpty, answers.isEmpty { spinnerFrame &+= 1 }
            if quit { break }
            let newLayout = layout
            if newLayout.resultRows != state.viewport.rows || newLayout.resultColumns != state.viewport.columns {
                apply(.viewportChanged(rows: newLayout.resultRows, columns: newLayout.resultColumns))
            }
            paint()
            frameObserver?(FrameTiming(wokeAt: woke, paintedAt: .now, keys: keys, answers: answers.count))
        }
        return state
    }

    private var layout: BrowserLayout {
        BrowserLayout(width: screen.width, height: screen.height, focus: state.focus)
    }

    private var isAnimating: Bool { state.isWaitingForResults || state.detail?.isLoading == true }

    /// Reduces one action and starts its effects; `.quit` ends the loop.
    private mutating func apply(_ action: BrowserAction) {
        let effects = state.reduce(action)
        if effects.contains(.quit) { quit = true }
        runEffects(effects.filter { $0 != .quit })
    }

    /// Renders the state and blits it. When the detail view measures a different scroll range,
    /// the state learns it and the frame is drawn again (at most once).
    private mutating func paint() {
        var grid = Grid(width: screen.width, height: screen.height)
        var outcome = BrowserView.render(state, into: &grid, spinnerFrame: spinnerFrame, pictures: pictures)
        if let measured = outcome.detailMaxScroll, let detail = state.detail, measured != detail.maxScroll {
            apply(.detailMeasured(maxScroll: measured))
            grid = Grid(width: screen.width, height: screen.height)
            outcome = BrowserView.render(state, into: &grid, spinnerFrame: spinnerFrame, pictures: pictures)
        }
        screen.draw(grid, cursor: outcome.cursor)
    }
}
