//! The map's geometry: where the places of the register (`Dataset::places`) are drawn, and how
//! many events each has under the filters. The map shows Morocco, France, the western
//! Mediterranean and the Atlantic coast: longitudes −13° to +10°, latitudes 27.5° to 51.5°, in an
//! equirectangular projection true to scale along 39.5° N (the middle of the box), 1000 units
//! wide. A place outside that box (Kourou, Dubai) is listed as not on this map; a place with no
//! position (a region, a sea, a country) is listed as such, never drawn as a point.

use super::dataset::{Dataset, PlaceEntry};
use super::filter::Filters;

/// The land of the box as SVG path data in the map's units: Natural Earth's 1:50m land (npm
/// `world-atlas`, public domain), cut to the box, simplified and rounded at setup time by
/// `scripts/extract-land.mjs`, which projects as [`project`] does. Absolute `M`, `L` and `Z`
/// only. Land and sea, no borders.
pub const LAND: &str = include_str!(concat!(env!("OUT_DIR"), "/land.path"));

/// The rings of [`LAND`], as points in the map's units.
pub fn land_rings() -> Vec<Vec<(f64, f64)>> {
    LAND.split('M')
        .filter(|r| !r.is_empty())
        .map(|r| {
            r.trim_end_matches('Z')
                .split('L')
                .filter_map(|p| {
                    let (x, y) = p.split_once(' ')?;
                    Some((x.parse().ok()?, y.parse().ok()?))
                })
                .collect()
        })
        .collect()
}

/// The box drawn: west, south, east and north edges, in degrees.
pub const BOX: (f64, f64, f64, f64) = (-13.0, 27.5, 10.0, 51.5);
/// The width of the map in SVG units.
pub const WIDTH: f64 = 1000.0;

/// The latitude along which the projection is true to scale (the middle of the box).
fn standard_parallel() -> f64 {
    (BOX.1 + BOX.3) / 2.0
}

/// Units per degree of latitude.
fn scale() -> f64 {
    WIDTH / ((BOX.2 - BOX.0) * standard_parallel().to_radians().cos())
}

/// The height of the map in SVG units (1352 for the box).
pub fn height() -> f64 {
    ((BOX.3 - BOX.1) * scale()).round()
}

/// Where `(lat, lon)` is drawn, in SVG units from the top left corner (y downwards).
pub fn project(lat: f64, lon: f64) -> (f64, f64) {
    let k = scale();
    let c = standard_parallel().to_radians().cos();
    ((lon - BOX.0) * c * k, (BOX.3 - lat) * k)
}

/// Where a place of the register stands on the map.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Spot {
    /// Drawn at `(x, y)` in SVG units.
    At(f64, f64),
    /// A known position outside the box.
    OffMap,
    /// No position: an area, or a place no source positions.
    Unplaced,
}

/// Where `p` stands on the map.
pub fn spot(p: &PlaceEntry) -> Spot {
    match &p.position {
        None => Spot::Unplaced,
        Some(pos) => {
            let inside = (BOX.0..=BOX.2).contains(&pos.lon) && (BOX.1..=BOX.3).contains(&pos.lat);
            if inside {
                let (x, y) = project(pos.lat, pos.lon);
                Spot::At(x, y)
            } else {
                Spot::OffMap
            }
        }
    }
}

/// For each place of the register, in its order: how many events name it under the filters
/// other than the places (so that choosing a place leaves the others' counts as they were), and
/// whether one of them reaches `window` (always, with no window). One pass over the events.
fn tally(d: &Dataset, f: &Filters, window: Option<(f64, f64)>) -> (Vec<usize>, Vec<bool>) {
    let mut counts = vec![0; d.places.len()];
    let mut in_window = vec![window.is_none(); d.places.len()];
    let index: std::collections::HashMap<&str, usize> = d
        .places
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.as_str(), i))
        .collect();
    for e in d.events.iter().filter(|e| f.matches_but_places(e)) {
        let seen = window.is_none_or(|(a, b)| e.date.axis_end() > a && e.date.axis_start() < b);
        for id in e.place.iter().flat_map(|p| &p.ids) {
            if let Some(&i) = index.get(id.as_str()) {
                counts[i] += 1;
                in_window[i] |= seen;
            }
        }
    }
    (counts, in_window)
}

/// For each place of the register, in its order, how many events name it under the filters
/// other than the places (so that choosing a place leaves the others' counts as they were).
pub fn place_counts(d: &Dataset, f: &Filters) -> Vec<usize> {
    tally(d, f, None).0
}

/// One place as the map panel shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct MapPlace {
    /// Its index in the register.
    pub idx: usize,
    /// Where it stands.
    pub spot: Spot,
    /// Events there under the filters other than the places.
    pub count: usize,
    /// Whether one of those events reaches the timeline's visible window.
    pub in_window: bool,
    /// Whether the selected event happened there.
    pub selected: bool,
}

/// The places of the register with events under the filters (and any chosen place), with
/// where they stand, their counts, whether the visible window `window` holds one of their events,
/// and whether the selected event `selected` (its index) happened there.
pub fn map_places(
    d: &Dataset,
    f: &Filters,
    window: Option<(f64, f64)>,
    selected: Option<usize>,
) -> Vec<MapPlace> {
    let (counts, in_window) = tally(d, f, window);
    let selected = selected.and_then(|i| d.events.get(i));
    d.places
        .iter()
        .enumerate()
        .filter(|(i, p)| counts[*i] > 0 || f.places.contains(&p.id))
        .map(|(idx, p)| MapPlace {
            idx,
            spot: spot(p),
            count: counts[idx],
            in_window: in_window[idx],
            selected: selected.is_some_and(|e| e.at_place(&p.id)),
        })
        .collect()
}

/// The part of the map in view: a box in map units (the SVG's `viewBox`), which wheel, drag,
/// pinch and keys move and scale within the map.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Camera {
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Width (the height follows the map's proportions).
    pub w: f64,
}

/// The narrowest view: an eighth of the map's width (about 250 km).
pub const MIN_VIEW: f64 = WIDTH / 8.0;

impl Default for Camera {
    fn default() -> Self {
        Camera {
            x: 0.0,
            y: 0.0,
            w: WIDTH,
        }
    }
}

impl Camera {
    /// The height of the view.
    pub fn h(&self) -> f64 {
        self.w * height() / WIDTH
    }

    /// The `viewBox` attribute.
    pub fn view_box(&self) -> String {
        format!("{:.1} {:.1} {:.1} {:.1}", self.x, self.y, self.w, self.h())
    }

    /// Zooms by `factor` (> 1 in) keeping the point at `(fx, fy)` (fractions of the view) still.
    pub fn zoom_at(&mut self, fx: f64, fy: f64, factor: f64) {
        if !(factor.is_finite() && factor > 0.0 && fx.is_finite() && fy.is_finite()) {
            return;
        }
        let (fx, fy) = (fx.clamp(0.0, 1.0), fy.clamp(0.0, 1.0));
        let (ax, ay) = (self.x + fx * self.w, self.y + fy * self.h());
        self.w = (self.w / factor).clamp(MIN_VIEW, WIDTH);
        self.x = ax - fx * self.w;
        self.y = ay - fy * self.h();
        self.clamp();
    }

    /// Moves the view by `(dx, dy)` map units.
    pub fn pan(&mut self, dx: f64, dy: f64) {
        if dx.is_finite() && dy.is_finite() {
            self.x += dx;
            self.y += dy;
            self.clamp();
        }
    }

    fn clamp(&mut self) {
        self.x = self.x.clamp(0.0, WIDTH - self.w);
        self.y = self.y.clamp(0.0, (height() - self.h()).max(0.0));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::shipped;

    fn at(d: &Dataset, id: &str) -> (f64, f64) {
        let p = d.places.iter().find(|p| p.id == id).unwrap();
        match spot(p) {
            Spot::At(x, y) => (x, y),
            other => panic!("{id}: {other:?}"),
        }
    }

    /// Known coordinates land where a map reader expects them: Rabat south-west of Paris,
    /// Toulon south-east of Paris and east of Brest, the box's corners at the SVG's corners.
    #[test]
    fn known_places_are_projected_where_they_belong() {
        let d = shipped();
        let (rabat, paris, toulon, brest) = (
            at(&d, "rabat"),
            at(&d, "paris"),
            at(&d, "toulon"),
            at(&d, "brest"),
        );
        assert!(
            rabat.0 < paris.0 && rabat.1 > paris.1,
            "Rabat is south-west of Paris"
        );
        assert!(
            toulon.0 > paris.0 && toulon.1 > paris.1,
            "Toulon is south-east of Paris"
        );
        assert!(brest.0 < paris.0, "Brest is west of Paris");
        assert_eq!(project(BOX.3, BOX.0), (0.0, 0.0));
        let (x, y) = project(BOX.1, BOX.2);
        assert!(
            (x - WIDTH).abs() < 1e-9 && (y - height()).abs() < 0.5,
            "{x}, {y}"
        );
        assert_eq!(height(), 1352.0);
        // The positions the map's outlines were checked against (the extraction's projection).
        for (id, want) in [
            ("rabat", (268.0, 985.0)),
            ("paris", (667.0, 149.0)),
            ("toulon", (823.0, 472.0)),
        ] {
            let (x, y) = at(&d, id);
            assert!(
                (x - want.0).abs() < 1.0 && (y - want.1).abs() < 1.0,
                "{id}: {x}, {y}"
            );
        }
    }

    /// How far (map units) `p` is from the nearest coast of [`LAND`].
    fn from_coast(p: (f64, f64)) -> f64 {
        let segment = |a: (f64, f64), b: (f64, f64)| {
            let (dx, dy) = (b.0 - a.0, b.1 - a.1);
            let len = dx * dx + dy * dy;
            let t = if len == 0.0 {
                0.0
            } else {
                (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / len).clamp(0.0, 1.0)
            };
            (p.0 - a.0 - t * dx).hypot(p.1 - a.1 - t * dy)
        };
        land_rings()
            .iter()
            .flat_map(|r| {
                r.iter()
                    .zip(r.iter().cycle().skip(1))
                    .map(|(a, b)| segment(*a, *b))
            })
            .fold(f64::INFINITY, f64::min)
    }

    /// The outline and the places agree: the ports are on the coast (a unit is about 2 km),
    /// Paris and Meknès well inland.
    #[test]
    fn ports_are_on_the_coast_and_capitals_inland() {
        let d = shipped();
        assert!(
            land_rings().len() > 10,
            "the coasts, Corsica, Sardinia, the Balearics…"
        );
        for id in ["toulon", "brest", "rabat", "casablanca"] {
            let km = from_coast(at(&d, id));
            assert!(km < 4.0, "{id} is {km} units from the coast");
        }
        for id in ["paris", "meknes"] {
            let km = from_coast(at(&d, id));
            assert!(km > 30.0, "{id} is {km} units from the coast");
        }
    }

    /// The camera zooms about a point that stays put, never past the map or closer than its
    /// limit, and pans within the map.
    #[test]
    fn the_camera_stays_on_the_map() {
        let mut c = Camera::default();
        let rabat = project(34.01325, -6.83255);
        let (fx, fy) = (rabat.0 / WIDTH, rabat.1 / height());
        c.zoom_at(fx, fy, 4.0);
        assert!((c.w - WIDTH / 4.0).abs() < 1e-9);
        assert!(
            (c.x + fx * c.w - rabat.0).abs() < 1e-6 && (c.y + fy * c.h() - rabat.1).abs() < 1e-6
        );
        for _ in 0..20 {
            c.zoom_at(0.5, 0.5, 2.0);
        }
        assert_eq!(c.w, MIN_VIEW);
        c.pan(-1e9, 1e9);
        assert_eq!((c.x, c.y), (0.0, height() - c.h()));
        c.zoom_at(0.5, 0.5, 1e-9);
        assert_eq!(c, Camera::default());
        c.zoom_at(f64::NAN, 0.5, 2.0);
        assert_eq!(c, Camera::default());
    }

    /// The map's places follow the filters, the window and the selection.
    #[test]
    fn map_places_follow_the_window_and_the_selection() {
        let d = shipped();
        let f = Filters::default();
        let all = map_places(&d, &f, None, None);
        assert!(
            all.iter()
                .all(|p| p.in_window && !p.selected && p.count > 0)
        );
        let id = |p: &MapPlace| d.places[p.idx].id.as_str();
        // In 2024 something happened in Rabat, nothing in Brest (its one event is 2014).
        let y2024 = (
            crate::model::date::year_start(2024),
            crate::model::date::year_start(2025),
        );
        let in_2024 = map_places(&d, &f, Some(y2024), None);
        let get = |id_: &str| in_2024.iter().find(|p| id(p) == id_).unwrap();
        assert!(get("rabat").in_window && !get("brest").in_window);
        // The 22nd session (Rabat) selected: Rabat is highlighted, Paris is not.
        let i = d.events.iter().position(|e| e.id == "cmm-22").unwrap();
        let sel = map_places(&d, &f, None, Some(i));
        let find = |id_: &str| sel.iter().find(|p| id(p) == id_).unwrap();
        assert!(find("rabat").selected && !find("paris").selected);
    }

    /// Areas are never points, and far places are said to be off the map.
    #[test]
    fn areas_are_unplaced_and_far_places_off_the_map() {
        let d = shipped();
        let spot_of = |id: &str| spot(d.places.iter().find(|p| p.id == id).unwrap());
        for id in ["tafilalet", "saghro", "alboran-sea", "morocco"] {
            assert_eq!(spot_of(id), Spot::Unplaced, "{id}");
        }
        for id in ["kourou", "dubai"] {
            assert_eq!(spot_of(id), Spot::OffMap, "{id}");
        }
        for p in &d.places {
            assert_eq!(p.position.is_some(), p.kind.is_point(), "{}", p.id);
        }
    }

    /// Counts follow the filters, but not the place filter itself.
    #[test]
    fn place_counts_follow_the_filters() {
        let d = shipped();
        let i = |id: &str| d.places.iter().position(|p| p.id == id).unwrap();
        let all = place_counts(&d, &Filters::default());
        let named = |id: &str| d.events.iter().filter(|e| e.at_place(id)).count();
        for p in &d.places {
            assert_eq!(all[i(&p.id)], named(&p.id), "{}", p.id);
        }
        assert!(all[i("rabat")] > all[i("paris")] && all[i("paris")] > 0);
        let sessions = Filters {
            lanes: ["commission".to_string()].into(),
            ..Filters::default()
        };
        let c = place_counts(&d, &sessions);
        let in_rabat = d
            .sessions()
            .iter()
            .filter(|e| e.place.as_ref().is_some_and(|p| p.ids == ["rabat"]))
            .count();
        assert_eq!(c[i("rabat")], in_rabat);
        assert!(c[i("brest")] == 0);
        // Choosing Rabat leaves Paris's count as it was, and the timeline shows Rabat's events.
        let rabat = Filters {
            places: ["rabat".to_string()].into(),
            ..Filters::default()
        };
        assert_eq!(place_counts(&d, &rabat), all);
        let shown = d.events.iter().filter(|e| rabat.matches(e)).count();
        assert_eq!(shown, all[i("rabat")]);
    }
}
