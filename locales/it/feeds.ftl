## Atom feeds of new publications (web/feed.rs, list.html, partner.html)
feed-subscribe = Abbonati (feed Atom)
feed-link-title = { $name }: nuove pubblicazioni (feed Atom)
feed-subtitle = Le pubblicazioni più recenti, dalla più nuova.

## The action-item board (web/action_items.rs, action_items.html, dashboard.html)
nav-action-items = Azioni da svolgere
action-items-title = Azioni da svolgere
action-items-intro = Le azioni da svolgere concordate nei verbali delle riunioni. Si aggiungono e si modificano nel modulo del verbale.
action-items-group = Raggruppa per
action-items-by-status = Stato
action-items-by-partner = Partner
action-items-by-due = Scadenza
action-items-only-late = Solo quelle in ritardo
action-items-meeting = Verbale della riunione
action-items-assignee = Affidata a
action-items-nobody = Non ancora affidata
action-items-no-date = Senza scadenza
action-items-late = In ritardo
action-items-edit = Modifica nel verbale
action-items-none = Nessuna azione da svolgere corrisponde a questa scelta.
action-items-count = { $count ->
    [one] Un’azione da svolgere
   *[other] { $count } azioni da svolgere
}

## The timeline picture on the dashboard (web/timeline.rs); a mark whose title is in another
## language than the page names it by its code only (the table beside gives the title)
timeline-legend = Legenda
timeline-open = Previsto o in corso
timeline-delivered = Presentato o approvato
timeline-late = In ritardo
timeline-today = Oggi
timeline-period = Periodo di rendicontazione { $code }
timeline-mark = { $code } { $title }: scadenza { $date }, { $status }
timeline-mark-code = { $code }: scadenza { $date }, { $status }
