import BrowserModel
import StockCore
import Testing

/// The picture wanted on screen: the detail's asset, or the selected result's in the preview
/// pane; a selection that moves on cancels the old load and never shows its answer.
@Suite struct PictureTests {
    static func browsing(preview: Bool) -> BrowserState {
        var state = Fixture.state(pageSize: 5, rows: 3)
        state.picturesEnabled = true
        state.showsPreview = preview
        _ = state.reduce(.started)
        _ = state.reduce(.searchAnswered(1, .success(Fixture.page(1...5, total: 5))))
        return state
    }

    @Test func openingTheDetailLoadsItsPictureOnce() {
        var state = Self.browsing(preview: false)
        #expect(state.picture == nil, "no preview pane, no detail: no picture")
        let effects = state.reduce(.openDetail)
        guard case .loadPicture(let id, let asset)? = effects.last else { Issue.record("no picture asked for: \(effects)"); return }
        #expect(asset.id == 1)
        #expect(state.picture == PictureState(assetID: 1, requestID: id))
        // Scrolling the detail asks for nothing more.
        #expect(state.reduce(.moveSelection(1)).allSatisfy { if case .loadPicture = $0 { false } else { true } })
        _ = state.reduce(.pictureAnswered(id, .success(PictureSize(width: 240, height: 160))))
        #expect(state.picture?.phase == .ready(width: 240, height: 160))
        // Closing the detail lets the picture go (nothing to cancel: it had arrived).
        #expect(!state.reduce(.back).contains(.cancel(id)))
        #expect(state.picture == nil)
    }

    @Test func aSelectionThatMovesOnCancelsTheOldPictureAndDropsItsAnswer() {
        var state = Self.browsing(preview: true)
        guard let first = state.picture else { Issue.record("the preview wants the selected result's picture"); return }
        let effects = state.reduce(.moveSelection(1))
        #expect(effects.contains(.cancel(first.requestID)))
        guard case .loadPicture(let second, let asset)? = effects.last else { Issue.record("no new picture: \(effects)"); return }
        #expect(asset.id == 2)
        // The first picture's late answer is not shown for the second asset.
        _ = state.reduce(.pictureAnswered(first.requestID, .success(PictureSize(width: 10, height: 10))))
        #expect(state.picture == PictureState(assetID: 2, requestID: second))
        _ = state.reduce(.pictureAnswered(second, .failure(BrowserFailure(message: "corrupt JPEG: Premature end of data segment"))))
        #expect(state.picture?.phase == .failed("corrupt JPEG: Premature end of data segment"))
        // Moving on from a failed picture cancels nothing.
        let next = state.reduce(.moveSelection(1))
        #expect(!next.contains { if case .cancel = $0 { true } else { false } })
        #expect(state.picture?.assetID == 3)
    }

    @Test func thePreviewPaneTogglesAndPicturesCanBeOff() {
        var state = Self.browsing(preview: false)
        let on = state.reduce(.togglePreview)
        #expect(on.count == 1 && state.picture?.assetID == 1)
        let off = state.reduce(.togglePreview)
        #expect(off == [.cancel(on.compactMap { if case .loadPicture(let id, _) = $0 { id } else { nil } }[0])])
        #expect(state.picture == nil)
        var disabled = Self.browsing(preview: true)
        disabled.picturesEnabled = false
        _ = disabled.reduce(.moveSelection(1))
        #expect(disabled.picture == nil)
        #expect(!disabled.reduce(.openDetail).contains { if case .loadPicture = $0 { true } else { false } })
    }
}
