//! Interface strings in French, English and Arabic. Pure data: one [`Strings`] table per language,
//! so a missing translation is a compile error rather than a blank label.

use crate::model::Lang;

/// Every interface string.
#[derive(Debug)]
pub struct Strings {
    /// Shown in the header before the dataset (and its own title) has loaded.
    pub app_title: &'static str,
    /// Loading state.
    pub loading: &'static str,
    /// Heading of the error screen.
    pub error_title: &'static str,
    /// Explains what the error screen offers.
    pub error_hint: &'static str,
    /// Label of the retry button.
    pub retry: &'static str,
    /// Heading above the list of validation problems.
    pub problems: &'static str,
    /// Heading of the session strip.
    pub sessions_heading: &'static str,
    /// Shown when the dataset holds no sessions.
    pub no_sessions: &'static str,
    /// Marks a date that is our inference.
    pub inferred: &'static str,
    /// Shown for a place the sources do not give.
    pub place_unknown: &'static str,
    /// Label of the session list for assistive technology.
    pub sessions_list_label: &'static str,
    /// Heading of the timeline (for assistive technology).
    pub timeline_heading: &'static str,
    /// Role description of the timeline area.
    pub timeline_role: &'static str,
    /// Label of the timeline area.
    pub timeline_label: &'static str,
    /// One-line help under the timeline.
    pub timeline_hint: &'static str,
    /// Label of today's line.
    pub today: &'static str,
    /// Label of a cluster; `{n}` is replaced by the count.
    pub cluster_label: &'static str,
    /// Label of the toolbar.
    pub toolbar_label: &'static str,
    /// Zoom in button.
    pub zoom_in: &'static str,
    /// Zoom out button.
    pub zoom_out: &'static str,
    /// Fit all button.
    pub fit_all: &'static str,
    /// Zoom to selection button.
    pub zoom_selection: &'static str,
    /// Detail panel: heading when nothing is selected.
    pub detail_empty_title: &'static str,
    /// Detail panel: hint when nothing is selected.
    pub detail_empty_hint: &'static str,
    /// Close button of the detail panel.
    pub close: &'static str,
    /// "Date".
    pub date: &'static str,
    /// "Place".
    pub place: &'static str,
    /// "Host".
    pub host: &'static str,
    /// "Co-chairs".
    pub chairs: &'static str,
    /// "Participants".
    pub participants: &'static str,
    /// "Domains".
    pub domains: &'static str,
    /// "Confidence".
    pub confidence: &'static str,
    /// Confidence values: confirmed, inferred, uncertain.
    pub confidence_values: [&'static str; 3],
    /// Precision phrases: day, month, year.
    pub precision: [&'static str; 3],
    /// Marks a date known only as a window.
    pub within: &'static str,
    /// "Agenda".
    pub agenda: &'static str,
    /// "Outcomes".
    pub outcomes: &'static str,
    /// "Programme for the next period".
    pub programme: &'static str,
    /// "Side events".
    pub side_events: &'static str,
    /// "Decorations".
    pub decorations: &'static str,
    /// "Notes".
    pub notes: &'static str,
    /// Note kinds: conflict, inference, caveat.
    pub note_kinds: [&'static str; 3],
    /// "Less certain fields".
    pub field_confidence: &'static str,
    /// "Sources".
    pub sources: &'static str,
    /// Said of a link that opens in a new tab (for screen readers).
    pub opens_new_tab: &'static str,
    /// "Not stated in the sources".
    pub not_stated: &'static str,
    /// Gap kinds: undocumented, not found.
    pub gap_kinds: [&'static str; 2],
    /// "Sessions" (of a gap's range).
    pub sessions: &'static str,
    /// Prefix of the session number line.
    pub session: &'static str,
    /// Search box label.
    pub search_label: &'static str,
    /// Search box placeholder.
    pub search_placeholder: &'static str,
    /// Shown when a search finds nothing.
    pub search_none: &'static str,
    /// Search results count; `{n}` is replaced.
    pub search_count: &'static str,
    /// Side panel tabs: record, filters, domains, people.
    pub tabs: [&'static str; 4],
    /// Label of the panel tab list.
    pub tabs_label: &'static str,
    /// "Showing {n} of {m} events".
    pub showing: &'static str,
    /// Clear all filters.
    pub clear_all: &'static str,
    /// Facet titles: lanes, host, confidence, dates.
    pub facet_titles: [&'static str; 4],
    /// "From" (year).
    pub from: &'static str,
    /// "To" (year).
    pub to: &'static str,
    /// Host unknown facet value.
    pub host_unknown: &'static str,
    /// Domain mode labels: any, all.
    pub domain_modes: [&'static str; 2],
    /// Label of the domain mode choice.
    pub domain_mode_label: &'static str,
    /// Explains the domain strips.
    pub domains_hint: &'static str,
    /// Explains the participants panel.
    pub people_hint: &'static str,
    /// "Show only these events".
    pub only_these: &'static str,
    /// "Roles".
    pub roles: &'static str,
    /// "Events" (a person's).
    pub person_events: &'static str,
    /// "in office" (a role with no end).
    pub in_office: &'static str,
    /// "Previous session".
    pub previous_session: &'static str,
    /// "Next session".
    pub next_session: &'static str,
    /// "Related".
    pub related: &'static str,
    /// Heading of the explanation of the undocumented period in a session record.
    pub gap_nearby: &'static str,
    /// "Back to the record".
    pub clear_person: &'static str,
    /// "involved in the selected event" (marks people in the panel).
    pub in_selected: &'static str,
    /// Label of the language switcher.
    pub language_label: &'static str,
    /// Label of the theme choice.
    pub theme_label: &'static str,
    /// Theme choices: system, light, dark.
    pub themes: [&'static str; 3],
    /// High-contrast toggle.
    pub high_contrast: &'static str,
    /// Help button (opens the keyboard help).
    pub help: &'static str,
    /// Title of the help dialog.
    pub help_title: &'static str,
    /// Keyboard help rows: (keys, what they do).
    pub help_keys: [(&'static str, &'static str); 12],
    /// Note under the keyboard help about the direction of time.
    pub help_time_direction: &'static str,
    /// View switch: timeline, list.
    pub views: [&'static str; 2],
    /// Label of the view switch.
    pub view_label: &'static str,
    /// List view column headers: date, event, kind, place, confidence.
    pub list_columns: [&'static str; 5],
    /// Caption of the list view; `{n}` is replaced.
    pub list_caption: &'static str,
    /// Announcement when an event is selected; `{x}` is replaced.
    pub announce_selected: &'static str,
    /// Announcement of the visible window; `{x}` is replaced.
    pub announce_window: &'static str,
    /// Skip link.
    pub skip_to_timeline: &'static str,
    /// Error reason prefixes: network, http, invalid.
    pub error_kinds: [&'static str; 3],
}

const EN: Strings = Strings {
    app_title: "Morocco–France military cooperation",
    loading: "Loading the dataset…",
    error_title: "The data could not be loaded",
    error_hint: "Nothing else is affected. Check the connection or the file, then try again.",
    retry: "Retry",
    problems: "Problems found",
    sessions_heading: "Sessions of the Joint Military Commission",
    no_sessions: "This dataset holds no commission sessions.",
    inferred: "inferred",
    place_unknown: "place not stated",
    sessions_list_label: "Commission sessions on a time axis",
    timeline_heading: "Timeline of the cooperation",
    timeline_role: "timeline",
    timeline_label: "Timeline. Arrow keys pan, plus and minus zoom, Down enters the events.",
    timeline_hint: "Scroll or pinch to zoom · drag to pan · arrows, + and − on the keyboard · Enter selects",
    today: "Today",
    cluster_label: "{n} events — zoom in",
    toolbar_label: "Timeline controls",
    zoom_in: "Zoom in",
    zoom_out: "Zoom out",
    fit_all: "Show all",
    zoom_selection: "Zoom to selection",
    detail_empty_title: "Nothing selected",
    detail_empty_hint: "Select a session or an event on the timeline to see what is known about it, how sure it is and where it comes from.",
    close: "Close",
    date: "Date",
    place: "Place",
    host: "Host",
    chairs: "Co-chairs",
    participants: "Participants",
    domains: "Domains",
    confidence: "Confidence",
    confidence_values: ["confirmed", "inferred", "uncertain"],
    precision: [
        "known to the day",
        "known to the month",
        "known to the year",
    ],
    within: "at an unknown point in this window",
    agenda: "Agenda",
    outcomes: "Outcomes",
    programme: "Programme for the next period",
    side_events: "Side events",
    decorations: "Decorations",
    notes: "Notes",
    note_kinds: ["Sources disagree", "Our inference", "Caveat"],
    field_confidence: "Less certain details",
    sources: "Sources",
    opens_new_tab: "opens in a new tab",
    not_stated: "not stated in the sources",
    gap_kinds: ["Undocumented", "Not found"],
    sessions: "Sessions",
    session: "Session",
    search_label: "Search events",
    search_placeholder: "Search: a name, a place, an exercise… ( / )",
    search_none: "No event matches.",
    search_count: "{n} results",
    tabs: ["Record", "Filters", "Domains", "People"],
    tabs_label: "Panels",
    showing: "Showing {n} of {m} events",
    clear_all: "Clear all",
    facet_titles: ["Kinds of event", "Host", "Confidence", "Years"],
    from: "From",
    to: "To",
    host_unknown: "Not stated",
    domain_modes: ["any selected", "all selected"],
    domain_mode_label: "Show events in",
    domains_hint: "Each strip shows a domain's events per year: the widening of the cooperation at a glance. Select domains to filter the timeline.",
    people_hint: "Select a person to highlight what they chaired or attended.",
    only_these: "Show only these events",
    roles: "Roles",
    person_events: "Sessions and events",
    in_office: "in office",
    previous_session: "Previous session",
    next_session: "Next session",
    related: "Related",
    gap_nearby: "Around this session",
    clear_person: "All people",
    in_selected: "in the selected event",
    language_label: "Language",
    theme_label: "Theme",
    themes: ["System", "Light", "Dark"],
    high_contrast: "High contrast",
    help: "Keyboard help",
    help_title: "Using the timeline with a keyboard",
    help_keys: [
        ("/", "Search"),
        ("?", "Open this help"),
        ("Tab", "Move between controls and events"),
        ("+ / −", "Zoom in / out"),
        ("0", "Show everything"),
        (
            "← / →",
            "Pan earlier / later (on the timeline); previous / next event (on an event)",
        ),
        ("↓", "From the timeline: go to the first visible event"),
        (
            "↑ / ↓",
            "On an event: nearest event in the lane above / below",
        ),
        ("Home / End", "Jump to the start / end of the data"),
        (
            "Enter / Space",
            "Select the focused event, or zoom into a group",
        ),
        ("Escape", "Clear the selection; close this help"),
        (
            "Shift + wheel",
            "Pan with the mouse (the wheel alone zooms)",
        ),
    ],
    help_time_direction: "Time runs from left (earlier) to right (later) in every language, Arabic included, as on printed time charts; the arrow keys follow the axis.",
    views: ["Timeline", "List"],
    view_label: "View",
    list_columns: ["Date", "Event", "Kind", "Place", "Confidence"],
    list_caption: "{n} events, in date order",
    announce_selected: "Selected: {x}",
    announce_window: "Showing {x}",
    skip_to_timeline: "Skip to the timeline",
    error_kinds: [
        "The request failed",
        "The server answered with an error",
        "The file is not a valid dataset",
    ],
};

const FR: Strings = Strings {
    app_title: "Coopération militaire Maroc–France",
    loading: "Chargement des données…",
    error_title: "Les données n’ont pas pu être chargées",
    error_hint: "Rien d’autre n’est affecté. Vérifiez la connexion ou le fichier, puis réessayez.",
    retry: "Réessayer",
    problems: "Problèmes relevés",
    sessions_heading: "Sessions de la Commission militaire mixte",
    no_sessions: "Ce jeu de données ne contient aucune session de la commission.",
    inferred: "déduit",
    place_unknown: "lieu non précisé",
    sessions_list_label: "Sessions de la commission sur un axe du temps",
    timeline_heading: "Chronologie de la coopération",
    timeline_role: "chronologie",
    timeline_label: "Chronologie. Les flèches déplacent, plus et moins zooment, Bas entre dans les événements.",
    timeline_hint: "Molette ou pincement pour zoomer · glisser pour se déplacer · flèches, + et − au clavier · Entrée sélectionne",
    today: "Aujourd’hui",
    cluster_label: "{n} événements — zoomer",
    toolbar_label: "Commandes de la chronologie",
    zoom_in: "Zoomer",
    zoom_out: "Dézoomer",
    fit_all: "Tout afficher",
    zoom_selection: "Zoomer sur la sélection",
    detail_empty_title: "Aucune sélection",
    detail_empty_hint: "Sélectionnez une session ou un événement sur la chronologie pour voir ce que l’on en sait, avec quelle certitude et d’où cela vient.",
    close: "Fermer",
    date: "Date",
    place: "Lieu",
    host: "Pays hôte",
    chairs: "Coprésidents",
    participants: "Participants",
    domains: "Domaines",
    confidence: "Fiabilité",
    confidence_values: ["confirmé", "déduit", "incertain"],
    precision: [
        "connue au jour près",
        "connue au mois près",
        "connue à l’année près",
    ],
    within: "à un moment inconnu de cette période",
    agenda: "Ordre du jour",
    outcomes: "Résultats",
    programme: "Programme de la période suivante",
    side_events: "Événements en marge",
    decorations: "Décorations",
    notes: "Notes",
    note_kinds: ["Les sources divergent", "Notre déduction", "Précision"],
    field_confidence: "Détails moins sûrs",
    sources: "Sources",
    opens_new_tab: "s’ouvre dans un nouvel onglet",
    not_stated: "non précisé dans les sources",
    gap_kinds: ["Non documenté", "Non trouvé"],
    sessions: "Sessions",
    session: "Session",
    search_label: "Rechercher des événements",
    search_placeholder: "Rechercher : un nom, un lieu, un exercice… ( / )",
    search_none: "Aucun événement ne correspond.",
    search_count: "{n} résultats",
    tabs: ["Fiche", "Filtres", "Domaines", "Personnes"],
    tabs_label: "Panneaux",
    showing: "{n} événements affichés sur {m}",
    clear_all: "Tout effacer",
    facet_titles: ["Types d’événement", "Pays hôte", "Fiabilité", "Années"],
    from: "De",
    to: "À",
    host_unknown: "Non précisé",
    domain_modes: ["l’un des domaines choisis", "tous les domaines choisis"],
    domain_mode_label: "Afficher les événements de",
    domains_hint: "Chaque bande montre les événements d’un domaine par année : l’élargissement de la coopération d’un coup d’œil. Choisissez des domaines pour filtrer la chronologie.",
    people_hint: "Choisissez une personne pour mettre en évidence ce qu’elle a présidé ou suivi.",
    only_these: "N’afficher que ces événements",
    roles: "Fonctions",
    person_events: "Sessions et événements",
    in_office: "en fonction",
    previous_session: "Session précédente",
    next_session: "Session suivante",
    related: "Voir aussi",
    gap_nearby: "Autour de cette session",
    clear_person: "Toutes les personnes",
    in_selected: "dans l’événement sélectionné",
    language_label: "Langue",
    theme_label: "Thème",
    themes: ["Système", "Clair", "Sombre"],
    high_contrast: "Contraste élevé",
    help: "Aide clavier",
    help_title: "Utiliser la chronologie au clavier",
    help_keys: [
        ("/", "Rechercher"),
        ("?", "Ouvrir cette aide"),
        ("Tab", "Passer d’une commande ou d’un événement à l’autre"),
        ("+ / −", "Zoomer / dézoomer"),
        ("0", "Tout afficher"),
        (
            "← / →",
            "Se déplacer vers le passé / l’avenir (sur la chronologie) ; événement précédent / suivant (sur un événement)",
        ),
        (
            "↓",
            "Depuis la chronologie : aller au premier événement visible",
        ),
        (
            "↑ / ↓",
            "Sur un événement : l’événement le plus proche dans la voie au-dessus / au-dessous",
        ),
        ("Début / Fin", "Aller au début / à la fin des données"),
        (
            "Entrée / Espace",
            "Sélectionner l’événement, ou zoomer sur un groupe",
        ),
        ("Échap", "Effacer la sélection ; fermer cette aide"),
        (
            "Maj + molette",
            "Se déplacer à la souris (la molette seule zoome)",
        ),
    ],
    help_time_direction: "Le temps va de gauche (plus ancien) à droite (plus récent) dans toutes les langues, arabe compris, comme sur les frises imprimées ; les flèches suivent l’axe.",
    views: ["Chronologie", "Liste"],
    view_label: "Affichage",
    list_columns: ["Date", "Événement", "Type", "Lieu", "Fiabilité"],
    list_caption: "{n} événements, par ordre chronologique",
    announce_selected: "Sélection : {x}",
    announce_window: "Affichage : {x}",
    skip_to_timeline: "Aller à la chronologie",
    error_kinds: [
        "La requête a échoué",
        "Le serveur a répondu par une erreur",
        "Le fichier n’est pas un jeu de données valide",
    ],
};

const AR: Strings = Strings {
    app_title: "التعاون العسكري المغربي الفرنسي",
    loading: "جارٍ تحميل البيانات…",
    error_title: "تعذّر تحميل البيانات",
    error_hint: "لم يتأثر شيء آخر. تحقّق من الاتصال أو من الملف، ثم أعد المحاولة.",
    retry: "إعادة المحاولة",
    problems: "المشكلات المرصودة",
    sessions_heading: "دورات اللجنة العسكرية المختلطة",
    no_sessions: "لا تتضمن هذه البيانات أي دورة للجنة.",
    inferred: "مستنتج",
    place_unknown: "المكان غير مذكور",
    sessions_list_label: "دورات اللجنة على محور زمني",
    timeline_heading: "التسلسل الزمني للتعاون",
    timeline_role: "تسلسل زمني",
    timeline_label: "التسلسل الزمني. تُحرّك الأسهم العرض، ويكبّر زرّا الزائد والناقص ويصغّران، وسهم الأسفل ينقل إلى الأحداث.",
    timeline_hint: "عجلة الفأرة أو القرص للتكبير · السحب للتنقل · الأسهم و+ و− من لوحة المفاتيح · Enter للاختيار",
    today: "اليوم",
    cluster_label: "{n} أحداث — تكبير",
    toolbar_label: "أدوات التسلسل الزمني",
    zoom_in: "تكبير",
    zoom_out: "تصغير",
    fit_all: "عرض الكل",
    zoom_selection: "تكبير على التحديد",
    detail_empty_title: "لا شيء محدد",
    detail_empty_hint: "اختر دورة أو حدثًا على التسلسل الزمني لمعرفة ما هو معروف عنه، ومدى اليقين منه، ومن أين يأتي.",
    close: "إغلاق",
    date: "التاريخ",
    place: "المكان",
    host: "البلد المضيف",
    chairs: "الرئيسان المشاركان",
    participants: "المشاركون",
    domains: "المجالات",
    confidence: "درجة اليقين",
    confidence_values: ["مؤكد", "مستنتج", "غير مؤكد"],
    precision: ["معروف باليوم", "معروف بالشهر", "معروف بالسنة"],
    within: "في وقت غير معروف ضمن هذه الفترة",
    agenda: "جدول الأعمال",
    outcomes: "النتائج",
    programme: "برنامج الفترة المقبلة",
    side_events: "أنشطة موازية",
    decorations: "أوسمة",
    notes: "ملاحظات",
    note_kinds: ["تعارض المصادر", "استنتاجنا", "تنبيه"],
    field_confidence: "تفاصيل أقل يقينًا",
    sources: "المصادر",
    opens_new_tab: "يُفتح في علامة تبويب جديدة",
    not_stated: "غير مذكور في المصادر",
    gap_kinds: ["غير موثّق", "لم يُعثر عليه"],
    sessions: "الدورات",
    session: "الدورة",
    search_label: "البحث في الأحداث",
    search_placeholder: "ابحث: اسم، مكان، تمرين… ( / )",
    search_none: "لا يوجد حدث مطابق.",
    search_count: "{n} نتيجة",
    tabs: ["البطاقة", "التصفية", "المجالات", "الأشخاص"],
    tabs_label: "اللوحات",
    showing: "عرض {n} من أصل {m} حدثًا",
    clear_all: "مسح الكل",
    facet_titles: ["أنواع الأحداث", "البلد المضيف", "درجة اليقين", "السنوات"],
    from: "من",
    to: "إلى",
    host_unknown: "غير مذكور",
    domain_modes: ["أيّ مجال مختار", "كل المجالات المختارة"],
    domain_mode_label: "عرض الأحداث في",
    domains_hint: "يعرض كل شريط أحداث مجال ما حسب السنة: اتساع التعاون في لمحة. اختر مجالات لتصفية التسلسل الزمني.",
    people_hint: "اختر شخصًا لإبراز ما ترأسه أو حضره.",
    only_these: "عرض هذه الأحداث فقط",
    roles: "المهام",
    person_events: "الدورات والأحداث",
    in_office: "في المنصب",
    previous_session: "الدورة السابقة",
    next_session: "الدورة التالية",
    related: "ذو صلة",
    gap_nearby: "حول هذه الدورة",
    clear_person: "كل الأشخاص",
    in_selected: "في الحدث المحدد",
    language_label: "اللغة",
    theme_label: "المظهر",
    themes: ["النظام", "فاتح", "داكن"],
    high_contrast: "تباين عالٍ",
    help: "مساعدة لوحة المفاتيح",
    help_title: "استخدام التسلسل الزمني بلوحة المفاتيح",
    help_keys: [
        ("/", "البحث"),
        ("?", "فتح هذه المساعدة"),
        ("Tab", "التنقل بين الأدوات والأحداث"),
        ("+ / −", "تكبير / تصغير"),
        ("0", "عرض الكل"),
        (
            "← / →",
            "الانتقال إلى الأقدم / الأحدث (على التسلسل الزمني)؛ الحدث السابق / التالي (على حدث)",
        ),
        ("↓", "من التسلسل الزمني: الانتقال إلى أول حدث ظاهر"),
        ("↑ / ↓", "على حدث: أقرب حدث في المسار الأعلى / الأدنى"),
        ("Home / End", "الانتقال إلى بداية البيانات / نهايتها"),
        ("Enter / Space", "اختيار الحدث، أو التكبير على مجموعة"),
        ("Escape", "إلغاء الاختيار؛ إغلاق هذه المساعدة"),
        ("Shift + العجلة", "التنقل بالفأرة (العجلة وحدها للتكبير)"),
    ],
    help_time_direction: "يسير الزمن من اليسار (الأقدم) إلى اليمين (الأحدث) في كل اللغات، بما فيها العربية، كما في الخطوط الزمنية المطبوعة؛ وتتبع مفاتيح الأسهم المحور.",
    views: ["التسلسل الزمني", "قائمة"],
    view_label: "العرض",
    list_columns: ["التاريخ", "الحدث", "النوع", "المكان", "درجة اليقين"],
    list_caption: "{n} حدثًا، بترتيب زمني",
    announce_selected: "تم اختيار: {x}",
    announce_window: "العرض: {x}",
    skip_to_timeline: "الانتقال إلى التسلسل الزمني",
    error_kinds: [
        "فشل الطلب",
        "ردّ الخادم بخطأ",
        "الملف ليس مجموعة بيانات صالحة",
    ],
};

/// The strings for `lang`.
pub fn strings(lang: Lang) -> &'static Strings {
    match lang {
        Lang::En => &EN,
        Lang::Fr => &FR,
        Lang::Ar => &AR,
    }
}
