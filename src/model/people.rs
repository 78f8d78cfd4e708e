//! People as the panels show them: the role someone held at a given date (the selected event's)
//! and a role's tenure in words, each date at its own precision.

use super::dataset::{Person, Role};
use super::date::{DateSpec, DayNum, PartialDate};
use super::locale::words;
use super::text::Lang;

/// The role `p` held on `day` (a role with an unknown start or end counts as open on that side),
/// else, with no day or no role held then, their latest role (by start).
pub fn role_at(p: &Person, day: Option<DayNum>) -> Option<&Role> {
    let held = |r: &&Role| {
        day.is_some_and(|d| {
            r.from.is_none_or(|f| f.first_day() <= d) && r.to.is_none_or(|t| t.last_day() >= d)
        })
    };
    p.roles
        .iter()
        .find(held)
        .or_else(|| p.roles.iter().max_by_key(|r| r.from.map(|f| f.first_day())))
}

/// A tenure in words: "22 Apr 2023 – in office", "July 2019 – 22 July 2021", "– June 2014",
/// each end at its own precision; empty when neither end is known.
pub fn tenure(r: &Role, lang: Lang) -> String {
    let f = |d: PartialDate| DateSpec::single(d).format(lang);
    match (r.from, r.to) {
        (Some(a), Some(b)) => format!("{} – {}", f(a), f(b)),
        (Some(a), None) => format!("{} – {}", f(a), words(lang).in_office),
        (None, Some(b)) => format!("– {}", f(b)),
        (None, None) => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::dataset::Confidence;
    use crate::model::text::Text;

    fn role(title: &str, from: Option<&str>, to: Option<&str>) -> Role {
        let date = |s: &str| PartialDate::parse(s).unwrap();
        Role {
            title: Text {
                fr: title.into(),
                en: title.into(),
                ar: None,
            },
            organisation: None,
            from: from.map(date),
            to: to.map(date),
            confidence: Confidence::Confirmed,
            sources: vec![],
        }
    }

    fn person(roles: Vec<Role>) -> Person {
        Person {
            id: "p".into(),
            name: "P".into(),
            party: "fr".into(),
            roles,
            sources: vec!["s".into()],
            notes: vec![],
        }
    }

    fn day(s: &str) -> Option<DayNum> {
        PartialDate::parse(s).ok().map(|d| d.first_day())
    }

    #[test]
    fn the_role_held_on_a_day_else_the_latest() {
        let p = person(vec![
            role("CEMAT", Some("2019-07"), Some("2021-07-22")),
            role("CEMA", Some("2021-07-22"), Some("2025-09-01")),
        ]);
        let title = |r: Option<&Role>| r.map(|r| r.title.en.clone());
        let table = [
            (day("2020-01-01"), Some("CEMAT")),
            // A month-precision start counts from the 1st of the month.
            (day("2019-07-01"), Some("CEMAT")),
            (day("2024-12-02"), Some("CEMA")),
            // Not in office then: the latest role.
            (day("2010-01-01"), Some("CEMA")),
            (None, Some("CEMA")),
        ];
        for (d, want) in table {
            assert_eq!(title(role_at(&p, d)).as_deref(), want, "{d:?}");
        }
        assert!(role_at(&person(vec![]), day("2020-01-01")).is_none());
        // Open-ended on both sides: held on any day.
        let open = person(vec![role("X", None, None)]);
        assert_eq!(
            title(role_at(&open, day("1990-01-01"))).as_deref(),
            Some("X")
        );
    }

    #[test]
    fn tenures_keep_each_date_at_its_precision_in_every_language() {
        let r = role("IG", Some("2023-04-22"), None);
        assert_eq!(tenure(&r, Lang::En), "22 Apr 2023 – in office");
        assert_eq!(tenure(&r, Lang::Fr), "22 avr. 2023 – en fonction");
        assert_eq!(tenure(&r, Lang::Ar), "22 أبريل 2023 – في المنصب");
        let r = role("CEMAT", Some("2019-07"), Some("2021-07-22"));
        assert_eq!(tenure(&r, Lang::En), "July 2019 – 22 July 2021");
        assert_eq!(
            tenure(&role("x", None, Some("2014-06")), Lang::Fr),
            "– juin 2014"
        );
        assert_eq!(tenure(&role("x", None, None), Lang::En), "");
    }
}
