import Foundation
import StockCore

/// How a generated photo was taken: the kind of camera, the body, and its EXIF.
struct PhotoShot {
    let camera: Camera
    let body: GeneratorCameraBody
    let exif: EXIF

    static func make(aerial: Bool, night: Bool, created: Int64, rng: inout SplitMix64) -> PhotoShot {
        let camera: Camera
        let body: GeneratorCameraBody
        if aerial {
            camera = .digital
            body = rng.pick(GeneratorCameras.drones)
        } else {
            camera = [Camera.digital, .mobile, .film][rng.weightedIndex([80, 12, 8])]
            switch camera {
            case .digital: body = rng.pick(GeneratorCameras.digital)
            case .mobile: body = rng.pick(GeneratorCameras.mobile)
            case .film: body = rng.pick(GeneratorCameras.film)
            }
        }
        let lens = rng.pick(body.lenses)
        var focal = lens.shortest
        if lens.longest > lens.shortest {
            let stops = [lens.shortest, lens.longest] + GeneratorCameras.zoomStops.filter { $0 > lens.shortest && $0 < lens.longest }
            focal = rng.pick(stops)
        }
        var aperture = lens.widestAperture
        if camera != .mobile, !aerial {
            aperture = rng.pick([lens.widestAperture] + GeneratorCameras.apertures.filter { $0 > lens.widestAperture })
        }
        let shutter = rng.pick(night ? GeneratorCameras.slowShutters : GeneratorCameras.fastShutters)
        var iso = rng.pick(body.isoSpeeds)
        if night, camera == .digital, iso < 800 { iso *= 8 }
        let taken = created - 3600 - Int64(rng.below(180 * 86_400))
        let exif = EXIF(cameraMake: body.make, cameraModel: body.model, lens: lens.name, focalLength: focal,
                        aperture: aperture, shutter: shutter, iso: iso,
                        captureDate: Date(timeIntervalSince1970: TimeInterval(taken)))
        return PhotoShot(camera: camera, body: body, exif: exif)
    }
}
