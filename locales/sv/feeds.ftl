## Atom feeds of new publications (web/feed.rs, list.html, partner.html)
feed-subscribe = Prenumerera (Atom-flöde)
feed-link-title = { $name }: nya publiceringar (Atom-flöde)
feed-subtitle = De senaste publiceringarna, den nyaste först.

## The action-item board (web/action_items.rs, action_items.html, dashboard.html)
nav-action-items = Åtgärdspunkter
action-items-title = Åtgärdspunkter
action-items-intro = Åtgärdspunkter som beslutats i mötesanteckningar. De läggs till och ändras i mötesanteckningens formulär.
action-items-group = Gruppera efter
action-items-by-status = Status
action-items-by-partner = Partner
action-items-by-due = Förfallodatum
action-items-only-late = Bara försenade
action-items-meeting = Mötesanteckning
action-items-assignee = Ansvarig
action-items-nobody = Ingen ansvarig ännu
action-items-no-date = Inget förfallodatum
action-items-late = Försenad
action-items-edit = Redigera i mötesanteckningen
action-items-none = Ingen åtgärdspunkt matchar det här valet.
action-items-count = { $count ->
    [one] En åtgärdspunkt
   *[other] { $count } åtgärdspunkter
}

## The timeline picture on the dashboard (web/timeline.rs); a mark whose title is in another
## language than the page names it by its code only (the table beside gives the title)
timeline-legend = Teckenförklaring
timeline-open = Planerad eller pågående
timeline-delivered = Inlämnad eller godkänd
timeline-late = Försenad
timeline-today = I dag
timeline-period = Rapportperiod { $code }
timeline-mark = { $code } { $title }: förfaller { $date }, { $status }
timeline-mark-code = { $code }: förfaller { $date }, { $status }
