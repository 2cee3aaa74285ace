## Terms and vocabularies shared by every page and email.

-brand = MICROFUTURE Exchange

## The page frame (base.html)
site-name = { -brand }
site-tagline = Bune practici, note de ședință și planuri de acțiune ale parteneriatului, în limba dumneavoastră
skip-to-content = Salt la conținut
nav-label = Meniu principal
nav-home = Pagina principală
nav-practices = Bune practici
nav-meeting-notes = Note de ședință
nav-action-plans = Planuri de acțiune
nav-search = Căutare
nav-account = Contul dumneavoastră
nav-sign-in = Autentificare
nav-sign-out = Deconectare
language-switcher-label = Limbă
signed-in-as = Autentificat ca { $name }
footer-project = { $project } · { $programme }
footer-api = Documentația API

# A date and a time of day together. $date is a long date ("27 November 2026"), $time
# the time of day ("08:30"), $zone the time zone's abbreviation ("CET").
datetime = { $date }, ora { $time } { $zone }

## Roles
role-admin = Administrator
role-coordinator = Coordonator
role-editor = Editor
role-viewer = Cititor

## Partner kinds
partner-kind-lead = Partener principal
partner-kind-partner = Partener
partner-kind-advisory = Partener consultativ

## Document kinds
kind-practice = Bună practică
kind-meeting_note = Notă de ședință
kind-action_plan = Plan de acțiune

## Workflow
status-draft = Ciornă
status-in_review = În revizuire
status-published = Publicat
status-archived = Arhivat
visibility-partnership = Doar pentru parteneriat
visibility-public = Public

## Translations
origin-original = Original
origin-human = Tradus de o persoană
origin-machine = Traducere automată
freshness-original = Original
freshness-current = Actualizată
freshness-outdated = Neactualizată

## Themes
theme-economic_recovery = Redresare economică
theme-social_inclusion = Incluziune socială
theme-green_transition = Tranziție verde
theme-digital_transition = Tranziție digitală
theme-microcredit = Microcredit
theme-micro_enterprises = Microîntreprinderi
theme-social_economy = Economie socială
theme-informal_to_formal = De la munca informală la munca formală
theme-financial_literacy = Educație financiară

## Target groups
target-group-unemployed = Persoane fără loc de muncă
target-group-minimum_income_recipients = Beneficiari ai venitului minim
target-group-women = Femei
target-group-young_people = Tineri
target-group-migrants_and_refugees = Migranți și refugiați
target-group-roma = Romi
target-group-people_with_disabilities = Persoane cu dizabilități
target-group-seniors = Persoane vârstnice
target-group-micro_entrepreneurs = Microantreprenori
target-group-social_enterprises = Întreprinderi sociale
target-group-rural_population = Populație rurală
target-group-financially_excluded = Persoane excluse din sistemul bancar

## Instruments
instrument-microcredit = Microcredit
instrument-loan_guarantee = Garanție pentru credite
instrument-grant = Finanțare nerambursabilă
instrument-equity = Participare la capital
instrument-savings_group = Grup de economii
instrument-business_mentoring = Mentorat antreprenorial
instrument-training = Formare profesională
instrument-crowdfunding = Finanțare participativă
instrument-social_impact_bond = Obligațiune cu impact social
instrument-revolving_fund = Fond reînnoibil

## Meetings
meeting-type-interregional_event = Eveniment interregional
meeting-type-study_visit = Vizită de studiu
meeting-type-stakeholder_meeting = Reuniune cu părțile interesate regionale
meeting-type-steering_group = Comitet de coordonare
meeting-type-peer_review = Evaluare colegială
meeting-type-online = Reuniune virtuală
item-status-open = Deschis
item-status-in_progress = În curs
item-status-done = Finalizat
item-status-cancelled = Anulat

## Actions of action plans
action-status-planned = Planificată
action-status-in_progress = În curs
action-status-completed = Finalizată
action-status-abandoned = Abandonată
