//! The participants panel: people grouped by party with their role at the time and its tenure.
//! Selecting a person highlights every event they chaired or attended (and dims the rest), with
//! a "show only these" toggle, and opens their view: roles over time with dates and sources, and
//! their sessions and events. People involved in the selected event are marked in the list.

use leptos::prelude::*;

use crate::i18n::strings;
use crate::model::people::{role_at, tenure};
use crate::model::relations::events_of;
use crate::model::{Dataset, Lang, Person, Selection};
use crate::state::{AppState, select_event, use_dataset};

/// One person in the list.
fn person_row(
    p: &Person,
    lang: Lang,
    involved: bool,
    chosen: bool,
    day: Option<crate::model::date::DayNum>,
) -> impl IntoView + use<> {
    let app = AppState::expect();
    let s = strings(lang);
    let id = p.id.clone();
    let role = role_at(p, day);
    view! {
        <li>
            <button
                type="button"
                class="person"
                class:person--involved=involved
                aria-pressed=chosen.to_string()
                data-testid=format!("person-{id}")
                on:click=move |_| {
                    let again = app.person.with_untracked(|c| c.as_deref() == Some(id.as_str()));
                    app.person.set((!again).then(|| id.clone()));
                }
            >
                <span class="person__name">{p.name.clone()}</span>
                {involved.then(|| view! { <span class="badge person__badge">{s.in_selected}</span> })}
                <span class="person__role">{role.map(|r| r.title.get(lang).to_string())}</span>
                <span class="person__tenure">{role.map(|r| tenure(r, lang))}</span>
            </button>
        </li>
    }
}

/// The chosen person's view: roles, events, notes.
fn person_view(d: &Dataset, id: &str, lang: Lang) -> Option<impl IntoView + use<>> {
    let app = AppState::expect();
    let s = strings(lang);
    let p = d.person(id)?;
    let party = d
        .party(&p.party)
        .map(|x| x.name.get(lang).to_string())
        .unwrap_or_default();
    let roles = p
        .roles
        .iter()
        .map(|r| {
            let sources: Vec<String> = r
                .sources
                .iter()
                .filter_map(|sid| d.source(sid).map(|x| x.publisher.clone()))
                .collect();
            view! {
                <li class="role">
                    <strong>{r.title.get(lang).to_string()}</strong>
                    {r.organisation.as_ref().map(|o| format!(", {}", o.get(lang)))}
                    <div class="role__when">{tenure(r, lang)}</div>
                    {(!sources.is_empty()).then(|| view! { <div class="role__sources">{sources.join(" · ")}</div> })}
                </li>
            }
        })
        .collect_view();
    let events = events_of(d, id)
        .into_iter()
        .filter_map(|i| d.event(i).map(|e| (i, e)))
        .map(|(i, e)| {
            view! {
                <li>
                    <button type="button" class="link" on:click=move |_| select_event(app, i)>
                        {e.title.get(lang).to_string()}
                    </button>
                    <span class="muted">{format!(" · {}", e.date.format(lang))}</span>
                </li>
            }
        })
        .collect_view();
    let notes: Vec<_> = p
        .notes
        .iter()
        .map(|n| {
            let (text, actual) = n.text.resolve(lang);
            view! { <li lang=actual.code()>{text.to_string()}</li> }
        })
        .collect();
    Some(view! {
        <article class="person-view" data-testid="person-view">
            <button type="button" class="link" on:click=move |_| app.person.set(None)>
                {format!("← {}", s.clear_person)}
            </button>
            <h3 class="person-view__name">{p.name.clone()}</h3>
            <p class="muted">{party}</p>
            <label class="toggle">
                <input
                    type="checkbox"
                    data-testid="only-these"
                    prop:checked=move || app.filters.with(|f| f.person.is_some())
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        let id = app.person.get_untracked();
                        app.filters.update(|f| f.person = if on { id } else { None });
                    }
                />
                {s.only_these}
            </label>
            <h4>{s.roles}</h4>
            <ul class="roles">{roles}</ul>
            <h4>{s.person_events}</h4>
            <ul class="person-view__events">{events}</ul>
            {(!notes.is_empty()).then(|| view! {
                <h4>{s.notes}</h4>
                <ul class="notes">{notes}</ul>
            })}
        </article>
    })
}

/// The participants panel.
#[component]
pub fn ParticipantsPanel() -> impl IntoView {
    let app = AppState::expect();
    let data = use_dataset();
    let s = move || strings(app.lang.get());
    let list = move || {
        let lang = app.lang.get();
        let chosen = app.person.get();
        data.with(|d| {
            // The selected event's people and date, to mark them and to pick the role then.
            let selected = match app.selected.get() {
                Some(Selection::Event(i)) => d.event(i),
                _ => None,
            };
            let involved = |id: &str| {
                selected.is_some_and(|e| e.chairs.iter().chain(&e.participants).any(|p| p == id))
            };
            let day = selected.map(|e| e.date.first_day());
            d.parties
                .iter()
                .map(|party| {
                    let people = d
                        .people
                        .iter()
                        .filter(|p| p.party == party.id)
                        .map(|p| {
                            person_row(
                                p,
                                lang,
                                involved(&p.id),
                                chosen.as_deref() == Some(p.id.as_str()),
                                day,
                            )
                        })
                        .collect_view();
                    view! {
                        <section class="people__party">
                            <h3>{party.name.get(lang).to_string()}</h3>
                            <ul class="people__list">{people}</ul>
                        </section>
                    }
                })
                .collect_view()
        })
    };
    let chosen_view = move || {
        let id = app.person.get()?;
        let lang = app.lang.get();
        data.with(|d| person_view(d, &id, lang))
    };

    view! {
        <section class="panel people" aria-labelledby="people-heading" data-testid="people">
            <h2 id="people-heading" class="panel__title">{move || s().tab_people}</h2>
            <p class="panel__hint">{move || s().people_hint}</p>
            {chosen_view}
            {list}
        </section>
    }
}
