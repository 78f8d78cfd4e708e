//! The one place the app reads the clock: today's date in the browser's time zone, as an axis
//! day, the UTC time an export is stamped with, and the page's monotonic clock that animations
//! and timers measure against. The model takes them as arguments, so it
//! stays deterministic and testable.

use crate::model::date::{Day, day_of_ymd};

/// Today, as the browser's local calendar sees it.
pub fn today() -> Day {
    let now = js_sys::Date::new_0();
    let (y, m, d) = (now.get_full_year(), now.get_month() + 1, now.get_date());
    day_of_ymd(y as i64, m, d).unwrap_or(0.0)
}

/// The page's monotonic clock (ms, `performance.now()`): what is measured against it is not
/// fooled by the system clock being set. Without one, the system's: a clock that stood still
/// would never let a move end nor a gesture rest.
pub fn monotonic_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or_else(js_sys::Date::now, |p| p.now())
}

/// Now, in UTC, to the second (year, month, day, hour, minute, second): the stamp of an exported
/// calendar.
pub fn now_utc() -> [u32; 6] {
    let now = js_sys::Date::new_0();
    [
        now.get_utc_full_year(),
        now.get_utc_month() + 1,
        now.get_utc_date(),
        now.get_utc_hours(),
        now.get_utc_minutes(),
        now.get_utc_seconds(),
    ]
}
