## Terms and vocabularies shared by every page and email.

-brand = MICROFUTURE Exchange

## The page frame (base.html)
site-name = { -brand }
site-tagline = Dobre prakse, zapisniki sestankov in akcijski načrti partnerstva v vašem jeziku
skip-to-content = Skok na vsebino
nav-label = Glavna navigacija
nav-home = Domov
nav-practices = Dobre prakse
nav-meeting-notes = Zapisniki sestankov
nav-action-plans = Akcijski načrti
nav-search = Iskanje
nav-account = Vaš račun
nav-sign-in = Prijava
nav-sign-out = Odjava
language-switcher-label = Jezik
signed-in-as = Prijavljeni ste kot { $name }
footer-project = { $project } · { $programme }
footer-api = Dokumentacija API

# A date and a time of day together. $date is a long date ("27 November 2026"), $time
# the time of day ("08:30"), $zone the time zone's abbreviation ("CET").
datetime = { $date } ob { $time } { $zone }

## Roles
role-admin = Skrbnik
role-coordinator = Koordinator
role-editor = Urednik
role-viewer = Bralec

## Partner kinds
partner-kind-lead = Vodilni partner
partner-kind-partner = Partner
partner-kind-advisory = Svetovalni partner

## Document kinds
kind-practice = Dobra praksa
kind-meeting_note = Zapisnik sestanka
kind-action_plan = Akcijski načrt

## Workflow
status-draft = Osnutek
status-in_review = V pregledu
status-published = Objavljeno
status-archived = Arhivirano
visibility-partnership = Samo za partnerstvo
visibility-public = Javno

## Translations
origin-original = Izvirnik
origin-human = Prevedel človek
origin-machine = Strojni prevod
freshness-original = Izvirnik
freshness-current = Ažuren
freshness-outdated = Zastarel

## Themes
theme-economic_recovery = Gospodarsko okrevanje
theme-social_inclusion = Socialna vključenost
theme-green_transition = Zeleni prehod
theme-digital_transition = Digitalni prehod
theme-microcredit = Mikrokrediti
theme-micro_enterprises = Mikropodjetja
theme-social_economy = Socialna ekonomija
theme-informal_to_formal = Od neformalnega k formalnemu delu
theme-financial_literacy = Finančna pismenost

## Target groups
target-group-unemployed = Brezposelni
target-group-minimum_income_recipients = Prejemniki minimalnega dohodka
target-group-women = Ženske
target-group-young_people = Mladi
target-group-migrants_and_refugees = Migranti in begunci
target-group-roma = Romi
target-group-people_with_disabilities = Osebe z invalidnostjo
target-group-seniors = Starejši
target-group-micro_entrepreneurs = Mikropodjetniki
target-group-social_enterprises = Socialna podjetja
target-group-rural_population = Podeželsko prebivalstvo
target-group-financially_excluded = Osebe brez dostopa do bančnih storitev

## Instruments
instrument-microcredit = Mikrokredit
instrument-loan_guarantee = Garancija za posojilo
instrument-grant = Nepovratna sredstva
instrument-equity = Lastniški kapital
instrument-savings_group = Varčevalna skupina
instrument-business_mentoring = Poslovno mentorstvo
instrument-training = Usposabljanje
instrument-crowdfunding = Množično financiranje
instrument-social_impact_bond = Obveznica z družbenim učinkom
instrument-revolving_fund = Obnavljajoči se sklad

## Meetings
meeting-type-interregional_event = Medregionalni dogodek
meeting-type-study_visit = Študijski obisk
meeting-type-stakeholder_meeting = Srečanje regionalnih deležnikov
meeting-type-steering_group = Usmerjevalna skupina
meeting-type-peer_review = Medsebojni strokovni pregled
meeting-type-online = Spletni sestanek
item-status-open = Odprto
item-status-in_progress = V teku
item-status-done = Opravljeno
item-status-cancelled = Preklicano

## Actions of action plans
action-status-planned = Načrtovano
action-status-in_progress = V teku
action-status-completed = Zaključeno
action-status-abandoned = Opuščeno
