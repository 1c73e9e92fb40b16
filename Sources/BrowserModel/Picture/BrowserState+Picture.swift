import StockCore

extension BrowserState {
    /// The asset whose picture should be on screen: the open detail's, else the selected
    /// result's while the preview pane is on; nil when pictures are off or nothing is shown.
    public var wantedPictureAssetID: AssetID? {
        guard picturesEnabled else { return nil }
        if let detail { return detail.assetID }
        if showsPreview { return selectedAsset?.id }
        return nil
    }

    /// The asset whose picture is wanted, as the list or the detail has it (for its thumbnail URLs).
    var wantedPictureAsset: Asset? {
        guard picturesEnabled else { return nil }
        if let detail { return detail.asset }
        if showsPreview { return selectedAsset }
        return nil
    }

    /// After every action: when another asset's picture is wanted, cancel the one loading (a
    /// selection that moved on never waits for, or shows, an older picture) and ask for the new one.
    mutating func syncPicture() -> [BrowserEffect] {
        let wanted = wantedPictureAsset
        if wanted?.id == picture?.assetID { return [] }
        var effects: [BrowserEffect] = []
        if let old = picture, old.phase == .loading { effects.append(.cancel(old.requestID)) }
        picture = nil
        guard let asset = wanted else { return effects }
        let id = takeRequestID()
        picture = PictureState(assetID: asset.id, requestID: id)
        effects.append(.loadPicture(id: id, asset: asset))
        return effects
    }

    /// The runtime's answer: lands only for the picture still wanted.
    mutating func receivePicture(_ id: RequestID, _ result: Result<PictureSize, BrowserFailure>) {
        guard var shown = picture, shown.requestID == id else { return }
        switch result {
        case .success(let size): shown.phase = .ready(width: size.width, height: size.height)
        case .failure(let failure): shown.phase = .failed(failure.message)
        }
        picture = shown
    }
}
