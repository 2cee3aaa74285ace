## Atom feeds of new publications (web/feed.rs, list.html, partner.html)
feed-subscribe = Subscribe (Atom feed)
feed-link-title = { $name }: new publications (Atom feed)
feed-subtitle = The newest publications, the most recent first.

## The action-item board (web/action_items.rs, action_items.html, dashboard.html)
nav-action-items = Action items
action-items-title = Action items
action-items-intro = Action items agreed in meeting notes. They are added and changed in the meeting note's form.
action-items-group = Group by
action-items-by-status = Status
action-items-by-partner = Partner
action-items-by-due = Due date
action-items-only-late = Only late ones
action-items-meeting = Meeting note
action-items-assignee = Assigned to
action-items-nobody = Not assigned yet
action-items-no-date = No due date
action-items-late = Late
action-items-edit = Edit in the meeting note
action-items-none = No action item matches this choice.
action-items-count = { $count ->
    [one] One action item
   *[other] { $count } action items
}

## The timeline picture on the dashboard (web/timeline.rs); a mark whose title is in another
## language than the page names it by its code only (the table beside gives the title)
timeline-legend = Legend
timeline-open = Planned or in progress
timeline-delivered = Submitted or approved
timeline-late = Late
timeline-today = Today
timeline-period = Reporting period { $code }
timeline-mark = { $code } { $title }: due { $date }, { $status }
timeline-mark-code = { $code }: due { $date }, { $status }
