## Atom feeds of new publications (web/feed.rs, list.html, partner.html)
feed-subscribe = Naročite se (vir Atom)
feed-link-title = { $name }: nove objave (vir Atom)
feed-subtitle = Najnovejše objave, najnovejše najprej.

## The action-item board (web/action_items.rs, action_items.html, dashboard.html)
nav-action-items = Naloge
action-items-title = Naloge
action-items-intro = Naloge, dogovorjene v zapisnikih sestankov. Dodajajo in spreminjajo se v obrazcu zapisnika.
action-items-group = Razvrsti po
action-items-by-status = Stanje
action-items-by-partner = Partner
action-items-by-due = Rok
action-items-only-late = Samo zamujene
action-items-meeting = Zapisnik sestanka
action-items-assignee = Dodeljeno
action-items-nobody = Še ni dodeljeno
action-items-no-date = Brez roka
action-items-late = Zamuja
action-items-edit = Uredi v zapisniku
action-items-none = Tej izbiri ne ustreza nobena naloga.
action-items-count = { $count ->
    [one] { $count } naloga
    [two] { $count } nalogi
    [few] { $count } naloge
   *[other] { $count } nalog
}

## The timeline picture on the dashboard (web/timeline.rs); a mark whose title is in another
## language than the page names it by its code only (the table beside gives the title)
timeline-legend = Legenda
timeline-open = Načrtovano ali v teku
timeline-delivered = Oddano ali odobreno
timeline-late = Zamuja
timeline-today = Danes
timeline-period = Obdobje poročanja { $code }
timeline-mark = { $code } { $title }: rok { $date }, { $status }
timeline-mark-code = { $code }: rok { $date }, { $status }
