## Terms and vocabularies shared by every page and email.

-brand = MICROFUTURE Exchange

## The page frame (base.html)
site-name = { -brand }
site-tagline = Good practices, meeting notes and policy action plans of the partnership, in your language
skip-to-content = Skip to content
nav-label = Main
nav-home = Home
nav-practices = Good practices
nav-meeting-notes = Meeting notes
nav-action-plans = Action plans
nav-search = Search
nav-account = Your account
nav-sign-in = Sign in
nav-sign-out = Sign out
language-switcher-label = Language
signed-in-as = Signed in as { $name }
footer-project = { $project } · { $programme }
footer-api = API documentation

# A date and a time of day together. $date is a long date ("27 November 2026"), $time
# the time of day ("08:30"), $zone the time zone's abbreviation ("CET").
datetime = { $date }, { $time } { $zone }

## Roles
role-admin = Administrator
role-coordinator = Coordinator
role-editor = Editor
role-viewer = Reader

## Partner kinds
partner-kind-lead = Lead partner
partner-kind-partner = Partner
partner-kind-advisory = Advisory partner

## Document kinds
kind-practice = Good practice
kind-meeting_note = Meeting note
kind-action_plan = Action plan

## Workflow
status-draft = Draft
status-in_review = In review
status-published = Published
status-archived = Archived
visibility-partnership = Partnership only
visibility-public = Public

## Translations
origin-original = Original
origin-human = Translated by a person
origin-machine = Machine translation
freshness-original = Original
freshness-current = Up to date
freshness-outdated = Outdated

## Themes
theme-economic_recovery = Economic recovery
theme-social_inclusion = Social inclusion
theme-green_transition = Green transition
theme-digital_transition = Digital transition
theme-microcredit = Microcredit
theme-micro_enterprises = Micro-enterprises
theme-social_economy = Social economy
theme-informal_to_formal = From informal to formal work
theme-financial_literacy = Financial literacy

## Target groups
target-group-unemployed = Unemployed people
target-group-minimum_income_recipients = Minimum-income recipients
target-group-women = Women
target-group-young_people = Young people
target-group-migrants_and_refugees = Migrants and refugees
target-group-roma = Roma
target-group-people_with_disabilities = People with disabilities
target-group-seniors = Older people
target-group-micro_entrepreneurs = Micro-entrepreneurs
target-group-social_enterprises = Social enterprises
target-group-rural_population = Rural population
target-group-financially_excluded = People excluded from banking

## Instruments
instrument-microcredit = Microcredit
instrument-loan_guarantee = Loan guarantee
instrument-grant = Grant
instrument-equity = Equity
instrument-savings_group = Savings group
instrument-business_mentoring = Business mentoring
instrument-training = Training
instrument-crowdfunding = Crowdfunding
instrument-social_impact_bond = Social impact bond
instrument-revolving_fund = Revolving fund

## Meetings
meeting-type-interregional_event = Interregional event
meeting-type-study_visit = Study visit
meeting-type-stakeholder_meeting = Regional stakeholder meeting
meeting-type-steering_group = Steering group
meeting-type-peer_review = Peer review
meeting-type-online = Online meeting
item-status-open = Open
item-status-in_progress = In progress
item-status-done = Done
item-status-cancelled = Cancelled

## Actions of action plans
action-status-planned = Planned
action-status-in_progress = In progress
action-status-completed = Completed
action-status-abandoned = Abandoned
