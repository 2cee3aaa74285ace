## Home (home.html)
home-title = Welcome
home-latest = What is new
home-partners = The partners

## Lists (list.html)
list-empty = Nothing here yet.
list-count = { $count ->
    [one] One document
   *[other] { $count } documents
}
list-next = Next page
list-shown-in = Shown in { $language }: no translation in your language yet.
filter-partner = Partner
filter-theme = Theme
filter-status = Status
filter-all = All
filter-apply = Show

## Search (search.html)
search-title = Search
search-label = Words to look for, in any language
search-button = Search
search-count = { $count ->
    [one] One result
   *[other] { $count } results
}
search-matched-in = Found in { $language }

## Signing in (sign_in.html)
sign-in-title = Sign in
sign-in-button = Sign in
field-email = Email address
field-password = Password

## A document (document.html)
document-title = Document
document-status = Status
document-updated = Updated { $date }
document-tools = Tools
document-edit = Edit
document-history = History
document-facts = Facts
document-original-language = Written in
document-languages = Languages
document-translate-into = Translate into:
document-attachments = Attachments
banner-fallback = This text is shown in { $language } because it has not been translated into your language yet.
banner-outdated = This translation is outdated: the { $language } original has changed since it was translated.
banner-machine = This text was translated by a machine.
document-returned = Returned to draft by { $name } on { $date }:
document-section-fallback = Not translated yet: this section is shown in { $language }.
workflow-heading = Workflow
workflow-comment = Comment (why it goes back)
move-to-in_review = Submit for review
move-to-draft = Return to draft
move-to-published = Publish
move-to-archived = Archive
action-progress = { $percent } % done
lineage-heading = Transfer of this practice
lineage-description = { $count ->
    [0] No action plan cites this practice yet.
    [one] One action of an action plan was inspired by this practice.
   *[other] { $count } actions of action plans were inspired by this practice.
}
lineage-none = No action plan cites this practice yet.
lineage-inspired-by = Inspired by these good practices

## History (history.html)
history-title = History
history-of = History of “{ $title }”
history-back = Back to the document
history-when = When
history-who = Who
history-what = What
history-details = Details
history-system = The platform
history-action-created = Created
history-action-edited = Edited
history-action-translated = Translated
history-action-status_changed = Status changed
history-action-attachment_added = File attached
history-action-attachment_removed = File removed

## Partner (partner.html)
partner-title = Partner
partner-name-en = Name in English
partner-role = Role in the project
partner-region = Region
partner-language = Language
partner-documents = Their documents

## Account (account.html)
account-title = Your account
account-role = Your role
field-display-name = Your name
field-language = Language of the pages and emails
field-time-zone = Time zone
save-button = Save

## Forms (doc_form.html, macros.html)
new-practice = New good practice
new-meeting_note = New meeting note
new-action_plan = New action plan
edit-title = Edit
edit-of = Edit “{ $title }”
form-markdown-hint = Long texts can use Markdown: **bold**, *italics*, lists starting with “- ”, and links.
form-has-errors = Some fields need your attention; each is marked below.
form-refused = Your account may not save this. Nothing you typed is lost: copy it, or ask your partner's coordinator for the right to write.
form-add-action = Add another action
form-add-item = Add another action item
form-about = About the document
form-practice-text = The practice
form-evidence = Evidence
form-meeting = The meeting
form-minutes = Minutes
form-plan = The plan
form-none = None
field-original-language = Original language
field-visibility = Who can read it once published
field-themes = Themes
field-title = Title
field-summary = Summary
field-problem = Problem addressed
field-description = Description
field-resources = Resources needed
field-timescale = Timescale
field-evidence_of_success = Evidence of success
field-difficulties = Difficulties encountered
field-transfer_potential = Potential for learning or transfer
field-stakeholders = Stakeholders
field-agenda = Agenda
field-discussion = Discussion
field-decisions = Decisions
field-policy_context = Policy context
field-background = Background: what was learned, from whom
field-players = Players involved
field-funding_sources = Funding sources
field-indicators = Indicators
hint-summary = Two or three sentences that say what the practice is.
hint-problem = The challenge the practice answers.
hint-description = What is done, how, and by whom.
hint-resources = People, money and partners it needs.
hint-timescale = How long it takes to set up and to run.
hint-evidence_of_success = Tangible, measurable results.
hint-difficulties = What was hard, and how it was solved.
hint-transfer_potential = What another region would need to adopt it.
hint-stakeholders = Who is involved and who benefits.
field-location = Location
field-country = Country
hint-country = Two letters, such as FR or SE.
field-region = Region
field-city = City
field-start_year = Since
field-end_year = Until
hint-end_year = Leave empty while it is ongoing.
field-target_groups = Target groups
field-instruments = Instruments
field-instrument_type = Main instrument
field-loan_size_min_eur = Smallest loan (EUR)
field-loan_size_max_eur = Largest loan (EUR)
field-beneficiaries_reached = People reached
field-repayment_rate_percent = Repayment rate (%)
field-funding_source = Funding source
field-contact = Contact
field-contact_name = Contact person
field-contact_organisation = Organisation
field-contact_email = Contact email
field-links = Links
hint-links = One web address per line.
field-meeting_type = Type of meeting
field-starts_at = Starts
field-ends_at = Ends
field-place = Place
field-online_url = Online meeting link
field-attendees = Attendees
field-attendee-name = Name of the attendee
hint-attendees = One person per line: name — organisation.
field-action_items = Action items
hint-action_items = Leave a row empty to leave it out; tick “Remove this item” to remove an item.
field-item = Item
field-item-title = What is to be done
field-assignee = Responsible partner
field-due_on = Due
field-status = Status
field-policy_instrument = Policy instrument
field-actions = Actions
field-action = Action
field-progress_percent = Progress (%)
field-starts_on = Starts on
field-ends_on = Ends on
field-estimated_cost_eur = Estimated cost (EUR)
field-inspired_by = Inspired by these good practices

## Translation editor (translate.html)
translate-title = Translation
translate-into = Translate into { $language }
translate-of = Original: “{ $title }”
translate-changed = Changed since the last translation
field-origin = Translated by

## Notices shown after a form was sent
notice-signed-out = You are signed out.
notice-created = The document was created as a draft.
notice-saved = Your changes were saved.
notice-translation-saved = The translation was saved.
notice-moved = The status was changed.
notice-move-needs-comment = Please say why the document goes back to draft.
notice-changed-meanwhile = Someone changed the document meanwhile; please look again.
notice-account-saved = Your settings were saved.

## Error pages (error.html)
error-page-not-found = Page not found
error-page-not-found-text = This page does not exist, or you may not see it.
error-page-forbidden = Not allowed
error-page-forbidden-text = Your account may not do this.
error-page-unauthorized = Please sign in
error-page-unauthorized-text = Sign in to continue.
error-page-failed = Something went wrong
error-page-failed-text = The page could not be shown. Please try again in a moment.
error-page-unavailable = The service is briefly unavailable
error-page-unavailable-text = The database cannot be reached just now, and nothing you sent was saved. Your browser still holds what you typed: go back and send it again in a few seconds.
error-page-storage-full = The server's storage is full
error-page-storage-full-text = There is no room left to store your change, so nothing of it was saved. Reading goes on as usual. Your browser still holds what you typed: go back and keep it until the platform's operator has freed space.

## Digest settings (account.html)
account-digest = Email digest
field-digest-frequency = How often
digest-frequency-off = Never
digest-frequency-daily = Every day
digest-frequency-weekly = Every week
field-digest-weekday = Day of the week
weekday-1 = Monday
weekday-2 = Tuesday
weekday-3 = Wednesday
weekday-4 = Thursday
weekday-5 = Friday
weekday-6 = Saturday
weekday-7 = Sunday
field-digest-hour = Hour
field-digest-hour-hint = In your time zone.
