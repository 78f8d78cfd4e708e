//! The dataset format: the serde types of `public/data/cooperation.json`. Every field is documented
//! here once; `docs/dataset.md` explains the format to maintainers and the JSON Schema is generated
//! from these types. Checks that serde cannot express (dangling ids, reversed dates, ...) live in
//! `validate`.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::date::DateSpec;
use super::text::Text;

/// The version of the format this build reads. Bump it on any incompatible change.
pub const SCHEMA_VERSION: u32 = 1;

/// The whole dataset.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Dataset {
    /// Optional pointer to the JSON Schema (`cooperation.schema.json`), for editors that validate
    /// as you type. Ignored by the app.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// The version of the format; must be 1, the version this build reads.
    pub schema_version: u32,
    /// The dataset's title.
    pub title: Text,
    /// What the dataset covers and how it was compiled.
    pub description: Text,
    /// The date the facts were last checked against the sources.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<super::date::PartialDate>,
    /// The two parties (Morocco, France).
    pub parties: Vec<Party>,
    /// The timeline lanes, in display order (the commission first).
    pub lanes: Vec<Lane>,
    /// Cooperation domains.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub domains: Vec<Domain>,
    /// Every source cited anywhere in the file.
    pub sources: Vec<Source>,
    /// People who chaired, attended or acted in events.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<Person>,
    /// Everything that happened: sessions, exercises, deals, visits, milestones.
    pub events: Vec<Event>,
    /// Spans known to hold events that are not documented (e.g. the 13th–21st sessions).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub gaps: Vec<Gap>,
    /// Caveats about the dataset as a whole (e.g. bodies not to confuse with the commission).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Note>,
    /// The register of places events' places name, with their positions where a source gives
    /// them (the map's points).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub places: Vec<PlaceEntry>,
    /// Named spans drawn across every lane (eras of a TimelineJS file, ages, reigns).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub periods: Vec<Period>,
    /// Where the dataset was imported from. When present, the dataset is "imported, not audited"
    /// and validation applies the interchange rules (see `validate`); absent for our own files.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<Origin>,
}

/// The file an imported dataset came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Origin {
    /// The format the file was read as.
    pub format: ImportFormat,
    /// The file's name, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
}

/// A format other than ours that the app reads (`model::import`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ImportFormat {
    /// TimelineJS's JSON (`{"events": [...], "eras": [...], "title": {...}}`).
    TimelinejsJson,
    /// TimelineJS's spreadsheet, saved as CSV (Year, Month, Day, ..., Headline, Text, ...).
    TimelinejsCsv,
    /// vis-timeline items (`[{"content", "start", ...}]` or `{"items", "groups"}`).
    Vis,
    /// A CSV with a header row of recognised column names (ours: id, title, start, end, lane, ...).
    Csv,
}

impl ImportFormat {
    /// The id used in the JSON file.
    pub fn as_str(self) -> &'static str {
        match self {
            ImportFormat::TimelinejsJson => "timelinejs-json",
            ImportFormat::TimelinejsCsv => "timelinejs-csv",
            ImportFormat::Vis => "vis",
            ImportFormat::Csv => "csv",
        }
    }
}

/// A named span drawn across every lane (a TimelineJS era).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Period {
    /// Stable id (shares the events' id space).
    pub id: String,
    /// The period's name.
    pub title: Text,
    /// The span.
    pub date: DateSpec,
    /// Where it is documented (may be empty).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
}

/// A party to the cooperation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Party {
    /// Stable id (`ma`, `fr`).
    pub id: String,
    /// The country's name.
    pub name: Text,
}

/// A lane of the timeline: one kind of event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Lane {
    /// Stable id (`commission`, `exercise`, `industry`, `visit`, `political`, `agreement`, ...).
    pub id: String,
    /// The lane's header.
    pub label: Text,
    /// What goes in the lane.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
}

/// A cooperation domain (training, space, cyber, ...).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Domain {
    /// Stable id.
    pub id: String,
    /// Short label.
    pub label: Text,
    /// What the domain covers, in our words.
    pub description: Text,
    /// Where the domain is named.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
    /// How sure we are that it is a domain of this cooperation.
    #[serde(default = "Confidence::confirmed")]
    pub confidence: Confidence,
}

/// A published source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Stable id, cited by events, people and notes.
    pub id: String,
    /// Where to read it: `http` or `https` only.
    pub url: String,
    /// Who published it (outlet, ministry, agency).
    pub publisher: String,
    /// The source's own title, verbatim, only when we have it (never reconstructed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// What the source is and what we cite it for, in our words.
    pub description: Text,
    /// The language it is written in (BCP 47: `fr`, `en`, `ar`), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// When it was published, as precisely as known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<super::date::PartialDate>,
}

/// How sure we are of a fact.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    /// A cited source states it.
    Confirmed,
    /// Our inference from the sources; the reasoning is given in a note.
    Inferred,
    /// A weak source, or sources that disagree.
    Uncertain,
}

impl Confidence {
    fn confirmed() -> Self {
        Confidence::Confirmed
    }

    /// The id used in the JSON file.
    pub fn as_str(self) -> &'static str {
        match self {
            Confidence::Confirmed => "confirmed",
            Confidence::Inferred => "inferred",
            Confidence::Uncertain => "uncertain",
        }
    }
}

/// A person.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// Stable id.
    pub id: String,
    /// The name as the sources spell it.
    pub name: String,
    /// The party the person served.
    pub party: String,
    /// Offices held, with tenures.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<Role>,
    /// Where the person is documented.
    pub sources: Vec<String>,
    /// Caveats (conflicting dates, spellings).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Note>,
}

/// An office held by a person.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Role {
    /// Rank and title ("Inspector General of the FAR").
    pub title: Text,
    /// The organisation, when it is not in the title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<Text>,
    /// Start of the tenure, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<super::date::PartialDate>,
    /// End of the tenure, when known and over.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<super::date::PartialDate>,
    /// How sure we are of the role and its dates.
    #[serde(default = "Confidence::confirmed")]
    pub confidence: Confidence,
    /// Where the role is documented.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
}

/// Where an event happened, as the sources word it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Place {
    /// The place's name (city, base, sea area), as the sources give it: it may name several
    /// ("Rabat, Kénitra and Meknès").
    pub name: Text,
    /// The party whose territory it is in, when it is one of the parties.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// The places of the dataset's register ([`Dataset::places`]) that the name names, in its
    /// order; none when the register has none of them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ids: Vec<String>,
}

/// A place of the register: a name, what kind of place it is, and where it is when that is
/// known from a source. A region, a sea, a country or an institution has no position: it is
/// said so on the map, never drawn as a point.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PlaceEntry {
    /// Stable id (`rabat`), cited by events' places.
    pub id: String,
    /// Its name, as the dataset's events spell it.
    pub name: Text,
    /// What kind of place it is.
    pub kind: PlaceKind,
    /// The party whose territory it is in, when it is one of the parties.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub party: Option<String>,
    /// Where it is, for a settlement: absent for an area, and for a settlement no source places.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<Position>,
}

/// What kind of place a register entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum PlaceKind {
    /// A city or a town.
    City,
    /// A village.
    Village,
    /// A region.
    Region,
    /// A mountain range.
    Mountains,
    /// A sea.
    Sea,
    /// A country.
    Country,
    /// An institution, named where a place would be.
    Institution,
}

impl PlaceKind {
    /// Whether such a place is a point on a map (a settlement) rather than an area.
    pub fn is_point(self) -> bool {
        matches!(self, PlaceKind::City | PlaceKind::Village)
    }
}

/// A position on the Earth (WGS 84 degrees) and the source that gives it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Position {
    /// Latitude, degrees north.
    pub lat: f64,
    /// Longitude, degrees east.
    pub lon: f64,
    /// The source that gives it (a GeoNames entry).
    pub source: String,
}

/// A note: a conflict between sources, the reasoning behind an inference, or a caveat.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Note {
    /// What kind of note it is.
    pub kind: NoteKind,
    /// The note, in our words.
    pub text: Text,
    /// The sources it weighs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
}

/// What a note is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum NoteKind {
    /// Sources disagree.
    Conflict,
    /// How we inferred something the sources do not state.
    Inference,
    /// Anything else a reader should know.
    Caveat,
}

impl NoteKind {
    /// The id used in the JSON file (and in the views' class names).
    pub fn as_str(self) -> &'static str {
        match self {
            NoteKind::Conflict => "conflict",
            NoteKind::Inference => "inference",
            NoteKind::Caveat => "caveat",
        }
    }
}

/// A single field of an event that is less certain than the event itself.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FieldConfidence {
    /// The field (`place`, `date`, `chairs`, ...).
    pub field: EventField,
    /// How sure we are of it; an unknown field is absent from the event and marked `uncertain`.
    pub confidence: Confidence,
    /// Why.
    pub note: Text,
}

/// The fields of an event that can carry their own confidence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum EventField {
    /// The date.
    Date,
    /// The place.
    Place,
    /// The host party.
    Host,
    /// The chairs.
    Chairs,
    /// The participants.
    Participants,
    /// A figure in the summary (a count, an amount).
    Figures,
    /// The session number.
    SessionNumber,
}

/// Something that happened.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// Stable id (used in links and URLs).
    pub id: String,
    /// The lane it belongs to.
    pub lane: String,
    /// For commission sessions: the number the sources give it. Absent when they give none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session_number: Option<u32>,
    /// Short title.
    pub title: Text,
    /// What happened, in our words.
    pub summary: Text,
    /// When, at the precision the sources allow.
    pub date: DateSpec,
    /// Where; absent when the sources do not say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<Place>,
    /// The party that hosted it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub host: Option<String>,
    /// Who chaired (people ids).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub chairs: Vec<String>,
    /// Who else took part (people ids).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub participants: Vec<String>,
    /// Cooperation domains it concerns (domain ids).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub domains: Vec<String>,
    /// What was on the agenda.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub agenda: Vec<Text>,
    /// What was decided or achieved.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub outcomes: Vec<Text>,
    /// The programme agreed for the next period.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub programme: Vec<Text>,
    /// Events around it (lectures, wreath-layings, meetings).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub side_events: Vec<Text>,
    /// Decorations awarded.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub decorations: Vec<Text>,
    /// How sure we are that it happened as described.
    pub confidence: Confidence,
    /// Fields less certain than the event as a whole.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub field_confidence: Vec<FieldConfidence>,
    /// Where it is documented (at least one).
    pub sources: Vec<String>,
    /// Conflicts, inferences and caveats.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Note>,
    /// Related events (ids).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<String>,
}

/// What kind of hole in the record a gap is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum GapKind {
    /// Events are known to have happened (e.g. from the numbering) but are not documented.
    Undocumented,
    /// Nothing was found: no source reports an event here, which does not prove there was none.
    NotFound,
}

/// A span where the record is incomplete: known but undocumented events, or none found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Gap {
    /// Stable id.
    pub id: String,
    /// What kind of gap it is.
    pub kind: GapKind,
    /// The lane the missing events belong to.
    pub lane: String,
    /// Short label ("13th–21st sessions: undocumented").
    pub title: Text,
    /// What is known and what is not.
    pub summary: Text,
    /// The span the missing events fall in.
    pub date: DateSpec,
    /// The first missing session number, for commission gaps.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_session: Option<u32>,
    /// The last missing session number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_session: Option<u32>,
    /// Where the gap is established (e.g. the numbering of the sessions around it).
    pub sources: Vec<String>,
    /// Caveats and inferences about the gap.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Note>,
}

/// The position of an event in [`Dataset::events`]: how the views, the timeline and the URL
/// state refer to an event once the dataset is loaded (ids are for files and links).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EventIdx(pub u32);

impl Event {
    /// Whether its place names the register's place `id`.
    pub fn at_place(&self, id: &str) -> bool {
        self.place
            .as_ref()
            .is_some_and(|p| p.ids.iter().any(|x| x == id))
    }
}

impl EventIdx {
    /// The position as a `usize`, for indexing.
    pub fn get(self) -> usize {
        self.0 as usize
    }

    /// The index of position `i`, if it fits (datasets hold far fewer than 2³² events).
    pub fn from_usize(i: usize) -> Option<Self> {
        u32::try_from(i).ok().map(Self)
    }

    /// Parses an index as written in a `data-idx` attribute.
    pub fn parse(s: &str) -> Option<Self> {
        s.parse().ok().map(Self)
    }
}

impl std::fmt::Display for EventIdx {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl Dataset {
    /// The event at `i`, if there is one.
    pub fn event(&self, i: EventIdx) -> Option<&Event> {
        self.events.get(i.get())
    }

    /// The index of the event with id `id`.
    pub fn event_idx(&self, id: &str) -> Option<EventIdx> {
        self.events
            .iter()
            .position(|e| e.id == id)
            .and_then(EventIdx::from_usize)
    }

    /// The index of the gap with id `id`.
    pub fn gap_idx(&self, id: &str) -> Option<usize> {
        self.gaps.iter().position(|g| g.id == id)
    }

    /// Every event with its index, in file order.
    pub fn indexed_events(&self) -> impl Iterator<Item = (EventIdx, &Event)> {
        self.events
            .iter()
            .enumerate()
            .filter_map(|(i, e)| EventIdx::from_usize(i).map(|i| (i, e)))
    }

    /// Whether the dataset was imported from another format, and so is not audited.
    pub fn is_imported(&self) -> bool {
        self.origin.is_some()
    }

    /// A domain by id.
    pub fn domain(&self, id: &str) -> Option<&Domain> {
        self.domains.iter().find(|x| x.id == id)
    }

    /// The events of one lane, in date order.
    pub fn events_in_lane<'a>(&'a self, lane: &'a str) -> impl Iterator<Item = &'a Event> + 'a {
        let mut events: Vec<&Event> = self.events.iter().filter(|e| e.lane == lane).collect();
        events.sort_by_key(|e| e.date.sort_key());
        events.into_iter()
    }

    /// The commission sessions, in date order.
    pub fn sessions(&self) -> Vec<&Event> {
        self.events_in_lane(COMMISSION_LANE).collect()
    }

    /// A party by id.
    pub fn party(&self, id: &str) -> Option<&Party> {
        self.parties.iter().find(|p| p.id == id)
    }

    /// A source by id.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// A person by id.
    pub fn person(&self, id: &str) -> Option<&Person> {
        self.people.iter().find(|p| p.id == id)
    }

    /// The label of lane `id` in `lang` (empty for an unknown lane).
    pub fn lane_label(&self, id: &str, lang: super::text::Lang) -> String {
        self.lanes
            .iter()
            .find(|l| l.id == id)
            .map(|l| l.label.get(lang).to_string())
            .unwrap_or_default()
    }
}

/// The id of the lane of commission sessions, which the app puts first.
pub const COMMISSION_LANE: &str = "commission";

/// A one-line description of a dataset's size, for the validator and logs.
pub fn summary(d: &Dataset) -> String {
    let sessions = d.sessions().len();
    format!(
        "{} events ({sessions} commission sessions), {} gaps, {} people, {} sources, {} domains, {} lanes",
        d.events.len(),
        d.gaps.len(),
        d.people.len(),
        d.sources.len(),
        d.domains.len(),
        d.lanes.len()
    )
}

/// The JSON Schema of the format, generated from these types (shipped as
/// `public/data/cooperation.schema.json`; a test keeps the two identical).
pub fn json_schema() -> String {
    let mut schema = schemars::schema_for!(Dataset);
    lists_default_to_empty(&mut schema);
    let mut text = serde_json::to_string_pretty(&schema).expect("a schema serialises");
    text.push('\n');
    text
}

/// Says of every list that may be left out that it reads as empty (`"default": []`), as each
/// such list is `#[serde(default)]`. schemars writes that default only for a field that is
/// written when it holds it, and an empty list is left out (`skip_serializing_if`).
fn lists_default_to_empty(schema: &mut schemars::Schema) {
    if let Some(object) = schema.as_object_mut() {
        let required: Vec<String> = object
            .get("required")
            .and_then(|r| r.as_array())
            .map(|r| {
                r.iter()
                    .filter_map(|v| v.as_str().map(String::from))
                    .collect()
            })
            .unwrap_or_default();
        if let Some(properties) = object.get_mut("properties").and_then(|p| p.as_object_mut()) {
            for (name, property) in properties.iter_mut() {
                if let Some(p) = property.as_object_mut()
                    && !required.contains(name)
                    && p.get("type").and_then(|t| t.as_str()) == Some("array")
                {
                    p.entry("default").or_insert_with(|| serde_json::json!([]));
                }
            }
        }
    }
    schemars::transform::transform_subschemas(&mut lists_default_to_empty, schema);
}
