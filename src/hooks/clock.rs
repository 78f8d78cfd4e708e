//! The one place the app reads the clock: today's date in the browser's time zone, as an axis
//! day. The model takes it as an argument, so it stays deterministic and testable.

use chrono::NaiveDate;

use crate::model::date::{Day, day_number};

/// Today, as the browser's local calendar sees it.
pub fn today() -> Day {
    let now = js_sys::Date::new_0();
    let (y, m, d) = (now.get_full_year(), now.get_month() + 1, now.get_date());
    i32::try_from(y)
        .ok()
        .and_then(|y| NaiveDate::from_ymd_opt(y, m, d))
        .map_or(0.0, day_number)
}
