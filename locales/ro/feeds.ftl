## Atom feeds of new publications (web/feed.rs, list.html, partner.html)
feed-subscribe = Abonare (flux Atom)
feed-link-title = { $name }: publicații noi (flux Atom)
feed-subtitle = Cele mai noi publicații, cele mai recente primele.

## The action-item board (web/action_items.rs, action_items.html, dashboard.html)
nav-action-items = Acțiuni de urmat
action-items-title = Acțiuni de urmat
action-items-intro = Acțiunile de urmat stabilite în procesele-verbale ale întâlnirilor. Se adaugă și se modifică în formularul procesului-verbal.
action-items-group = Grupare după
action-items-by-status = Stare
action-items-by-partner = Partener
action-items-by-due = Termen
action-items-only-late = Doar cele întârziate
action-items-meeting = Proces-verbal al întâlnirii
action-items-assignee = Atribuită lui
action-items-nobody = Neatribuită încă
action-items-no-date = Fără termen
action-items-late = Întârziată
action-items-edit = Modificare în procesul-verbal
action-items-none = Nicio acțiune de urmat nu corespunde acestei alegeri.
action-items-count = { $count ->
    [one] O acțiune de urmat
    [few] { $count } acțiuni de urmat
   *[other] { $count } de acțiuni de urmat
}

## The timeline picture on the dashboard (web/timeline.rs); a mark whose title is in another
## language than the page names it by its code only (the table beside gives the title)
timeline-legend = Legendă
timeline-open = Planificat sau în curs
timeline-delivered = Depus sau aprobat
timeline-late = Întârziat
timeline-today = Astăzi
timeline-period = Perioada de raportare { $code }
timeline-mark = { $code } { $title }: termen { $date }, { $status }
timeline-mark-code = { $code }: termen { $date }, { $status }
