//! What an import did, line by line: what was mapped and what was dropped, with counts, as
//! structured data the interface can show in French, English or Arabic.

use super::super::dataset::ImportFormat;
use super::super::text::Lang;

/// The outcome of reading a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// The format the file was read as; `None` for our own format.
    pub format: Option<ImportFormat>,
    /// How many events the dataset holds.
    pub events: usize,
    /// How many periods (eras) it holds.
    pub periods: usize,
    /// What was mapped and dropped, in the order to show it (lines with a zero count are left out).
    pub notes: Vec<ReportLine>,
}

/// One thing an import did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReportLine {
    /// The file is in our own format: read as is.
    OwnFormat,
    /// The file was read as this format.
    ReadAs(ImportFormat),
    /// The file was not UTF-8 and was read as Windows-1252 (what spreadsheets on Windows write).
    Windows1252,
    /// Events imported.
    Events(usize),
    /// Eras (or vis background items) that became periods.
    Periods(usize),
    /// Groups that became lanes.
    Lanes(usize),
    /// Distinct http(s) addresses (media, links, source columns) kept as sources.
    Sources(usize),
    /// Events marked uncertain, since nothing in the file was checked.
    Uncertain(usize),
    /// Events without any http(s) link, hence without a source.
    WithoutSource(usize),
    /// Texts whose HTML was reduced to plain text.
    HtmlReduced(usize),
    /// Events without a headline, titled from their text or caption.
    TitledFromText(usize),
    /// Events with no headline, text or caption, titled "Untitled".
    Untitled(usize),
    /// Repeated or missing ids replaced by unique ones.
    IdsMadeUnique(usize),
    /// Images, thumbnails and backgrounds dropped: the app shows no media.
    MediaDropped(usize),
    /// Embedded media that is not a link (a quotation, embed code) dropped.
    EmbedsDropped(usize),
    /// Times of day dropped: dates are kept to the day.
    TimesDropped(usize),
    /// Display dates dropped: dates are shown from their values.
    DisplayDatesDropped(usize),
    /// Class names and styles dropped.
    StylesDropped(usize),
    /// Links that are not http(s) dropped.
    NonHttpDropped(usize),
    /// Unknown columns dropped, by name.
    ColumnsDropped(Vec<String>),
    /// Unknown fields dropped, by name.
    FieldsDropped(Vec<String>),
}

/// The name of a format, the same in every language.
pub fn format_name(format: ImportFormat) -> &'static str {
    match format {
        ImportFormat::TimelinejsJson => "TimelineJS (JSON)",
        ImportFormat::TimelinejsCsv => "TimelineJS (CSV)",
        ImportFormat::Vis => "vis-timeline",
        ImportFormat::Csv => "CSV",
    }
}

impl ReportLine {
    /// The line as a sentence in `lang`. Arabic puts the count after a colon ("…: 3"), which
    /// reads correctly whatever the number, without Arabic's six plural forms.
    pub fn text(&self, lang: Lang) -> String {
        use ReportLine::*;
        // (French singular, French plural, English singular, English plural, Arabic label).
        let counted = |n: usize, t: [&str; 5]| -> String {
            let one = n == 1;
            match lang {
                Lang::Fr => format!("{n} {}", if one { t[0] } else { t[1] }),
                Lang::En => format!("{n} {}", if one { t[2] } else { t[3] }),
                Lang::Ar => format!("{}: {n}", t[4]),
            }
        };
        let pick = |fr: String, en: String, ar: String| match lang {
            Lang::Fr => fr,
            Lang::En => en,
            Lang::Ar => ar,
        };
        match self {
            OwnFormat => pick(
                "Fichier au format de cette application, lu tel quel".into(),
                "File in this app's own format, read as is".into(),
                "ملف بصيغة هذا التطبيق، قُرئ كما هو".into(),
            ),
            ReadAs(f) => {
                let name = format_name(*f);
                pick(
                    format!("Lu comme un fichier {name} ; données importées, non vérifiées"),
                    format!("Read as a {name} file; imported data, not checked"),
                    format!("قُرئ كملف {name}؛ بيانات مستوردة لم يُتحقق منها"),
                )
            }
            Windows1252 => pick(
                "Le fichier n’est pas en UTF-8 : lu comme Windows-1252".into(),
                "The file is not UTF-8: read as Windows-1252".into(),
                "الملف ليس بترميز UTF-8: قُرئ بترميز Windows-1252".into(),
            ),
            Events(n) => counted(
                *n,
                [
                    "événement importé",
                    "événements importés",
                    "event imported",
                    "events imported",
                    "عدد الأحداث المستوردة",
                ],
            ),
            Periods(n) => counted(
                *n,
                [
                    "ère devenue une période",
                    "ères devenues des périodes",
                    "era became a period",
                    "eras became periods",
                    "عدد الحقب التي أصبحت فترات",
                ],
            ),
            Lanes(n) => counted(
                *n,
                [
                    "groupe devenu une ligne",
                    "groupes devenus des lignes",
                    "group became a lane",
                    "groups became lanes",
                    "عدد المجموعات التي أصبحت مسارات",
                ],
            ),
            Sources(n) => counted(
                *n,
                [
                    "lien (média ou texte) gardé comme source",
                    "liens (médias ou texte) gardés comme sources",
                    "link (media or text) kept as a source",
                    "links (media or text) kept as sources",
                    "عدد الروابط (وسائط أو نص) المحفوظة كمصادر",
                ],
            ),
            Uncertain(n) => counted(
                *n,
                [
                    "événement marqué incertain (rien n’a été vérifié)",
                    "événements marqués incertains (rien n’a été vérifié)",
                    "event marked uncertain (nothing was checked)",
                    "events marked uncertain (nothing was checked)",
                    "عدد الأحداث الموسومة غير مؤكدة (لم يُتحقق من شيء)",
                ],
            ),
            WithoutSource(n) => counted(
                *n,
                [
                    "événement sans source (aucun lien http(s) dans le fichier)",
                    "événements sans source (aucun lien http(s) dans le fichier)",
                    "event without a source (no http(s) link in the file)",
                    "events without a source (no http(s) link in the file)",
                    "عدد الأحداث بلا مصدر (لا رابط http(s) في الملف)",
                ],
            ),
            HtmlReduced(n) => counted(
                *n,
                [
                    "texte HTML réduit à du texte simple",
                    "textes HTML réduits à du texte simple",
                    "HTML text reduced to plain text",
                    "HTML texts reduced to plain text",
                    "عدد نصوص HTML المحوّلة إلى نص عادي",
                ],
            ),
            TitledFromText(n) => counted(
                *n,
                [
                    "événement sans titre, titré d’après son texte",
                    "événements sans titre, titrés d’après leur texte",
                    "event without a headline, titled from its text",
                    "events without a headline, titled from their text",
                    "عدد الأحداث بلا عنوان التي عُنونت من نصها",
                ],
            ),
            Untitled(n) => counted(
                *n,
                [
                    "événement sans titre ni texte, appelé « Sans titre »",
                    "événements sans titre ni texte, appelés « Sans titre »",
                    "event with no headline or text, called “Untitled”",
                    "events with no headline or text, called “Untitled”",
                    "عدد الأحداث بلا عنوان ولا نص، سُمّيت «بلا عنوان»",
                ],
            ),
            IdsMadeUnique(n) => counted(
                *n,
                [
                    "identifiant répété remplacé par un identifiant unique",
                    "identifiants répétés remplacés par des identifiants uniques",
                    "repeated id replaced by a unique one",
                    "repeated ids replaced by unique ones",
                    "عدد المعرّفات المكررة المستبدلة بمعرّفات فريدة",
                ],
            ),
            MediaDropped(n) => counted(
                *n,
                [
                    "image ou arrière-plan ignoré (cette application n’affiche pas de médias)",
                    "images ou arrière-plans ignorés (cette application n’affiche pas de médias)",
                    "image or background dropped (this app shows no media)",
                    "images or backgrounds dropped (this app shows no media)",
                    "عدد الصور أو الخلفيات المحذوفة (هذا التطبيق لا يعرض الوسائط)",
                ],
            ),
            EmbedsDropped(n) => counted(
                *n,
                [
                    "média intégré qui n’est pas un lien (citation, code) ignoré",
                    "médias intégrés qui ne sont pas des liens (citations, code) ignorés",
                    "embedded media that is not a link (quotation, code) dropped",
                    "embedded media that are not links (quotations, code) dropped",
                    "عدد الوسائط المضمّنة التي ليست روابط (اقتباس، شيفرة) المحذوفة",
                ],
            ),
            TimesDropped(n) => counted(
                *n,
                [
                    "heure ignorée (les dates sont gardées au jour)",
                    "heures ignorées (les dates sont gardées au jour)",
                    "time of day dropped (dates are kept to the day)",
                    "times of day dropped (dates are kept to the day)",
                    "عدد الأوقات المحذوفة (تُحفظ التواريخ باليوم)",
                ],
            ),
            DisplayDatesDropped(n) => counted(
                *n,
                [
                    "date d’affichage ignorée : les dates sont affichées d’après leurs valeurs",
                    "dates d’affichage ignorées : les dates sont affichées d’après leurs valeurs",
                    "display date dropped: dates are shown from their values",
                    "display dates dropped: dates are shown from their values",
                    "عدد تواريخ العرض المحذوفة (تُعرض التواريخ من قيمها)",
                ],
            ),
            StylesDropped(n) => counted(
                *n,
                [
                    "classe ou style ignoré",
                    "classes ou styles ignorés",
                    "class name or style dropped",
                    "class names or styles dropped",
                    "عدد الأصناف أو الأنماط المحذوفة",
                ],
            ),
            NonHttpDropped(n) => counted(
                *n,
                [
                    "lien qui n’est pas http(s) ignoré",
                    "liens qui ne sont pas http(s) ignorés",
                    "link that is not http(s) dropped",
                    "links that are not http(s) dropped",
                    "عدد الروابط غير http(s) المحذوفة",
                ],
            ),
            ColumnsDropped(names) => {
                let list = names.join(", ");
                pick(
                    format!("Colonnes inconnues ignorées : {list}"),
                    format!("Unknown columns dropped: {list}"),
                    format!("أعمدة غير معروفة محذوفة: {list}"),
                )
            }
            FieldsDropped(names) => {
                let list = names.join(", ");
                pick(
                    format!("Champs inconnus ignorés : {list}"),
                    format!("Unknown fields dropped: {list}"),
                    format!("حقول غير معروفة محذوفة: {list}"),
                )
            }
        }
    }
}

/// The counts an importer keeps while it reads; turned into the report's lines at the end.
#[derive(Debug, Clone, Default)]
pub(crate) struct Counts {
    pub windows_1252: bool,
    pub html: usize,
    pub titled_from_text: usize,
    pub untitled: usize,
    pub ids_made_unique: usize,
    pub media: usize,
    pub embeds: usize,
    pub times: usize,
    pub display_dates: usize,
    pub styles: usize,
    pub non_http: usize,
    pub columns: Vec<String>,
    pub fields: Vec<String>,
}

impl Counts {
    /// Notes an unknown field once, in the order first met.
    pub fn field(&mut self, name: &str) {
        if !self.fields.iter().any(|f| f == name) {
            self.fields.push(name.to_string());
        }
    }
}

/// The totals of a finished import, for [`lines`].
pub(crate) struct Totals {
    pub events: usize,
    pub periods: usize,
    pub lanes: usize,
    pub sources: usize,
    pub uncertain: usize,
    pub without_source: usize,
}

/// The report's lines: the format, what was mapped, then what was dropped; zero counts left out.
pub(crate) fn lines(format: ImportFormat, t: &Totals, c: Counts) -> Vec<ReportLine> {
    use ReportLine::*;
    let mut out = vec![ReadAs(format)];
    if c.windows_1252 {
        out.push(Windows1252);
    }
    out.push(Events(t.events));
    type Line = fn(usize) -> ReportLine;
    let counted: [(usize, Line); 15] = [
        (t.periods, Periods),
        (t.lanes, Lanes),
        (t.sources, Sources),
        (t.uncertain, Uncertain),
        (t.without_source, WithoutSource),
        (c.html, HtmlReduced),
        (c.titled_from_text, TitledFromText),
        (c.untitled, Untitled),
        (c.ids_made_unique, IdsMadeUnique),
        (c.media, MediaDropped),
        (c.embeds, EmbedsDropped),
        (c.times, TimesDropped),
        (c.display_dates, DisplayDatesDropped),
        (c.styles, StylesDropped),
        (c.non_http, NonHttpDropped),
    ];
    out.extend(
        counted
            .into_iter()
            .filter(|(n, _)| *n > 0)
            .map(|(n, line)| line(n)),
    );
    if !c.columns.is_empty() {
        out.push(ColumnsDropped(c.columns));
    }
    if !c.fields.is_empty() {
        out.push(FieldsDropped(c.fields));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_agree_in_each_language() {
        let l = ReportLine::Events(20);
        assert_eq!(l.text(Lang::En), "20 events imported");
        assert_eq!(l.text(Lang::Fr), "20 événements importés");
        assert_eq!(l.text(Lang::Ar), "عدد الأحداث المستوردة: 20");
        assert_eq!(
            ReportLine::Periods(1).text(Lang::En),
            "1 era became a period"
        );
        assert_eq!(
            ReportLine::TimesDropped(4).text(Lang::En),
            "4 times of day dropped (dates are kept to the day)"
        );
        assert_eq!(
            ReportLine::ColumnsDropped(vec!["Foo".into(), "Bar".into()]).text(Lang::En),
            "Unknown columns dropped: Foo, Bar"
        );
    }

    #[test]
    fn zero_counts_are_left_out_and_the_format_comes_first() {
        let totals = Totals {
            events: 3,
            periods: 0,
            lanes: 2,
            sources: 0,
            uncertain: 3,
            without_source: 3,
        };
        let counts = Counts {
            times: 2,
            columns: vec!["Foo".into()],
            ..Counts::default()
        };
        assert_eq!(
            lines(ImportFormat::Csv, &totals, counts),
            [
                ReportLine::ReadAs(ImportFormat::Csv),
                ReportLine::Events(3),
                ReportLine::Lanes(2),
                ReportLine::Uncertain(3),
                ReportLine::WithoutSource(3),
                ReportLine::TimesDropped(2),
                ReportLine::ColumnsDropped(vec!["Foo".into()]),
            ]
        );
    }

    #[test]
    fn every_line_has_a_sentence_in_every_language() {
        let all = [
            ReportLine::OwnFormat,
            ReportLine::ReadAs(ImportFormat::Vis),
            ReportLine::Windows1252,
            ReportLine::Sources(1),
            ReportLine::Uncertain(2),
            ReportLine::WithoutSource(2),
            ReportLine::HtmlReduced(2),
            ReportLine::TitledFromText(2),
            ReportLine::Untitled(2),
            ReportLine::IdsMadeUnique(2),
            ReportLine::MediaDropped(2),
            ReportLine::EmbedsDropped(2),
            ReportLine::DisplayDatesDropped(2),
            ReportLine::StylesDropped(2),
            ReportLine::NonHttpDropped(2),
            ReportLine::FieldsDropped(vec!["x".into()]),
        ];
        for line in all {
            let texts: Vec<String> = Lang::ALL.iter().map(|&l| line.text(l)).collect();
            assert!(texts.iter().all(|t| !t.is_empty()), "{line:?}");
            assert_ne!(texts[0], texts[1], "{line:?}");
            assert_ne!(texts[1], texts[2], "{line:?}");
        }
    }
}
