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
};

/// The strings for `lang`.
pub fn strings(lang: Lang) -> &'static Strings {
    match lang {
        Lang::En => &EN,
        Lang::Fr => &FR,
        Lang::Ar => &AR,
    }
}
