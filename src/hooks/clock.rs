//! The one place the app reads the clock: today's date in the browser's time zone, as an axis
//! day, and the UTC time an export is stamped with. The model takes them as arguments, so it
//! stays deterministic and testable.

use crate::model::date::{Day, day_of_ymd};

/// Today, as the browser's local calendar sees it.
pub fn today() -> Day {
    let now = js_sys::Date::new_0();
    let (y, m, d) = (now.get_full_year(), now.get_month() + 1, now.get_date());
    day_of_ymd(y as i64, m, d).unwrap_or(0.0)
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
