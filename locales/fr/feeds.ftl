## Atom feeds of new publications (web/feed.rs, list.html, partner.html)
feed-subscribe = S’abonner (flux Atom)
feed-link-title = { $name } : nouvelles publications (flux Atom)
feed-subtitle = Les publications les plus récentes, de la plus récente à la plus ancienne.

## The action-item board (web/action_items.rs, action_items.html, dashboard.html)
nav-action-items = Actions à mener
action-items-title = Actions à mener
action-items-intro = Les actions à mener décidées dans les comptes rendus de réunion. On les ajoute et on les modifie dans le formulaire du compte rendu.
action-items-group = Regrouper par
action-items-by-status = État
action-items-by-partner = Partenaire
action-items-by-due = Échéance
action-items-only-late = Seulement celles en retard
action-items-meeting = Compte rendu de réunion
action-items-assignee = Confiée à
action-items-nobody = Pas encore confiée
action-items-no-date = Sans échéance
action-items-late = En retard
action-items-edit = Modifier dans le compte rendu
action-items-none = Aucune action à mener ne correspond à ce choix.
action-items-count = { $count ->
    [one] Une action à mener
   *[other] { $count } actions à mener
}

## The timeline picture on the dashboard (web/timeline.rs); a mark whose title is in another
## language than the page names it by its code only (the table beside gives the title)
timeline-legend = Légende
timeline-open = Prévu ou en cours
timeline-delivered = Soumis ou approuvé
timeline-late = En retard
timeline-today = Aujourd’hui
timeline-period = Période de rapport { $code }
timeline-mark = { $code } { $title } : échéance le { $date }, { $status }
timeline-mark-code = { $code } : échéance le { $date }, { $status }
