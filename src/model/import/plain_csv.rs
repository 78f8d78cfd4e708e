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
                .map(|v| dates::from_text(v, true))
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
