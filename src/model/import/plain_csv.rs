//! A plain CSV with a header row, such as a spreadsheet's or our own export
//! (`id,title,start,end,lane,lane_label,place,summary,confidence,sources`). Column names are
//! matched case-insensitively, accents ignored, in French or English; unknown columns are
//! reported as dropped. Text is taken as plain text (a CSV cell is not HTML), so what our
//! exporter writes comes back exactly: ids, dates with their precision, lanes (id and label),
//! places, summaries, confidence and sources by URL.

use super::super::dataset::{Confidence, ImportFormat};
use super::super::validate::Problem;
use super::csv::{Table, normalise};
use super::dates;
use super::report::Counts;
use super::{Builder, Draft, LinkDraft};

/// A column the plain CSV importer understands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Column {
    Id,
    Title,
    Start,
    End,
    Lane,
    LaneLabel,
    Place,
    Summary,
    Confidence,
    Sources,
}

const ALL: [Column; 10] = [
    Column::Id,
    Column::Title,
    Column::Start,
    Column::End,
    Column::Lane,
    Column::LaneLabel,
    Column::Place,
    Column::Summary,
    Column::Confidence,
    Column::Sources,
];

/// The column a normalised header name (see `csv::normalise`) stands for.
pub(crate) fn column(name: &str) -> Option<Column> {
    Some(match name {
        "id" => Column::Id,
        "title" | "titre" | "headline" | "name" | "nom" => Column::Title,
        "start" | "start date" | "date" | "debut" | "date de debut" => Column::Start,
        "end" | "end date" | "fin" | "date de fin" => Column::End,
        "lane" | "group" | "groupe" | "category" | "categorie" => Column::Lane,
        "lane label" => Column::LaneLabel,
        "place" | "lieu" | "location" => Column::Place,
        "summary" | "description" | "text" | "texte" | "resume" => Column::Summary,
        "confidence" | "confiance" => Column::Confidence,
        "source" | "sources" | "url" | "source url" | "lien" | "liens" => Column::Sources,
        _ => return None,
    })
}

fn confidence(s: &str) -> Option<Confidence> {
    Some(match normalise(s).as_str() {
        "" | "uncertain" | "incertain" => Confidence::Uncertain,
        "confirmed" | "confirme" => Confidence::Confirmed,
        "inferred" | "deduit" | "infere" => Confidence::Inferred,
        _ => return None,
    })
}

/// Column names only a French header uses.
const FRENCH_NAMES: [&str; 13] = [
    "titre",
    "nom",
    "debut",
    "date de debut",
    "fin",
    "date de fin",
    "groupe",
    "categorie",
    "lieu",
    "texte",
    "resume",
    "confiance",
    "lien",
];

/// A date written with slashes, as `from_text` reads it (DD/MM/YYYY). Under a French header it
/// is taken as written. Otherwise the order must show in the numbers: `25/12/2024` is day first,
/// `12/25/2024` month first (a US spreadsheet) and is turned around; `03/04/2024` could be
/// either, and is refused rather than guessed.
fn slashed(v: &str, french: bool) -> Result<String, String> {
    let parts: Vec<&str> = v.split('/').collect();
    if french || parts.len() != 3 {
        return Ok(v.to_string());
    }
    let n = |p: &str| p.trim().parse::<u32>().unwrap_or(0);
    match (n(parts[0]), n(parts[1])) {
        (a, _) if a > 12 => Ok(v.to_string()),
        (_, b) if b > 12 => Ok(format!("{}/{}/{}", parts[1], parts[0], parts[2])),
        _ => Err(format!(
            "\"{v}\" could be day/month or month/day: write it YYYY-MM-DD (with French column \
             names, DD/MM/YYYY is read as day first)"
        )),
    }
}

/// Reads a plain CSV.
pub(crate) fn from_csv(
    table: &Table,
    file: Option<&str>,
) -> Result<(super::Dataset, Counts), Problem> {
    let mut b = Builder::new(ImportFormat::Csv);
    let mut index: [Option<usize>; ALL.len()] = [None; ALL.len()];
    for (i, name) in table.header.iter().enumerate() {
        match column(&normalise(name)) {
            Some(c) if index[c as usize].is_none() => index[c as usize] = Some(i),
            _ => b.counts.columns.push(name.clone()),
        }
    }
    let at = |c: Column| index[c as usize];
    // DD/MM/YYYY is how French spreadsheets write dates; an English header may come from a US
    // one (MM/DD/YYYY), so there only an order the numbers prove is read (see `slashed`).
    let french = table
        .header
        .iter()
        .any(|h| FRENCH_NAMES.contains(&normalise(h).as_str()));
    if at(Column::Title).is_none() || at(Column::Start).is_none() {
        let missing = match (at(Column::Title), at(Column::Start)) {
            (None, None) => "title column and no start (or date)",
            (None, _) => "title",
            _ => "start (or date)",
        };
        return Err(Problem {
            path: "line 1".into(),
            message: format!(
                "this CSV has no {missing} column: a timeline needs at least a title and a start date \
                 per row (columns title or titre, start or date or début; see the formats the \
                 app reads). The header holds: {}",
                table.header.join(", ")
            ),
        });
    }
    for row in &table.rows {
        if row.fields.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let get = |c: Column| at(c).and_then(|i| row.fields.get(i)).map(String::as_str);
        let trimmed = |c: Column| get(c).map(str::trim).filter(|v| !v.is_empty());
        let where_ = |c: Column| {
            let name = at(c).map(|i| table.header[i].as_str()).unwrap_or("");
            format!("line {}, column {name}", row.line)
        };
        let read = |c: Column| -> Result<Option<dates::Read>, Problem> {
            trimmed(c)
                .map(|v| match slashed(v, french) {
                    Ok(v) => dates::from_text(&v, true),
                    Err(m) => Err(m),
                })
                .transpose()
                .map_err(|message| Problem {
                    path: where_(c),
                    message,
                })
        };
        let start = read(Column::Start)?.ok_or_else(|| Problem {
            path: where_(Column::Start),
            message: "the start date is missing".into(),
        })?;
        let end = read(Column::End)?;
        let date = dates::span_of(start, end, &mut b.counts.times, || where_(Column::End))?;
        let mut d = Draft::new(date);
        d.id = trimmed(Column::Id).map(str::to_string);
        d.title = get(Column::Title).unwrap_or("").to_string();
        d.summary = get(Column::Summary).unwrap_or("").trim().to_string();
        d.place = trimmed(Column::Place).map(str::to_string);
        d.lane = trimmed(Column::Lane).map(|lane| match at(Column::LaneLabel) {
            // Our export: the lane's id, and its label beside it.
            Some(_) => (
                Some(lane.to_string()),
                trimmed(Column::LaneLabel).unwrap_or(lane).to_string(),
            ),
            None => (None, lane.to_string()),
        });
        d.confidence = match trimmed(Column::Confidence) {
            None => Confidence::Uncertain,
            Some(v) => confidence(v).ok_or_else(|| Problem {
                path: where_(Column::Confidence),
                message: format!(
                    "\"{v}\" is not a confidence: write confirmed, inferred or uncertain \
                     (confirmé, déduit, incertain)"
                ),
            })?,
        };
        d.links = trimmed(Column::Sources)
            .map(|s| {
                s.split_whitespace()
                    .map(|url| LinkDraft {
                        url: url.to_string(),
                        description: url.to_string(),
                    })
                    .collect()
            })
            .unwrap_or_default();
        b.event(d);
    }
    b.finish(String::new(), String::new(), file)
}

#[cfg(test)]
mod slash_tests {
    use crate::model::import::import;

    fn start(csv: &str) -> Result<String, String> {
        import(csv.as_bytes(), None)
            .map(|i| i.dataset.events[0].date.start.to_string())
            .map_err(|e| e.to_string())
    }

    #[test]
    fn slashed_dates_are_read_in_the_order_the_numbers_or_the_header_show() {
        assert_eq!(start("title,start\nA,25/12/2024\n").unwrap(), "2024-12-25");
        assert_eq!(
            start("title,start\nA,12/25/2024\n").unwrap(),
            "2024-12-25",
            "a US spreadsheet's month first"
        );
        let e = start("title,start\nA,03/04/2024\n").unwrap_err();
        assert!(
            e.contains("could be day/month or month/day") && e.contains("line 2"),
            "{e}"
        );
        assert_eq!(
            start("titre;date\nA;03/04/2024\n").unwrap(),
            "2024-04-03",
            "a French header: day first"
        );
    }
}
