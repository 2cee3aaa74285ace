## Terms and vocabularies shared by every page and email.

-brand = MICROFUTURE Exchange

## The page frame (base.html)
site-name = { -brand }
site-tagline = Buone pratiche, resoconti delle riunioni e piani d’azione del partenariato, nella propria lingua
skip-to-content = Vai al contenuto
nav-label = Navigazione principale
nav-home = Pagina iniziale
nav-practices = Buone pratiche
nav-meeting-notes = Resoconti delle riunioni
nav-action-plans = Piani d’azione
nav-search = Ricerca
nav-account = Area personale
nav-sign-in = Accedi
nav-sign-out = Esci
language-switcher-label = Lingua
signed-in-as = Accesso effettuato come { $name }
footer-project = { $project } · { $programme }
footer-api = Documentazione dell’API

# A date and a time of day together. $date is a long date ("27 November 2026"), $time
# the time of day ("08:30"), $zone the time zone's abbreviation ("CET").
datetime = { $date }, ore { $time } { $zone }

## Roles
role-admin = Amministratore
role-coordinator = Coordinatore
role-editor = Redattore
role-viewer = Lettore

## Partner kinds
partner-kind-lead = Capofila
partner-kind-partner = Partner
partner-kind-advisory = Partner consultivo

## Document kinds
kind-practice = Buona pratica
kind-meeting_note = Resoconto di riunione
kind-action_plan = Piano d’azione

## Workflow
status-draft = Bozza
status-in_review = In revisione
status-published = Pubblicato
status-archived = Archiviato
visibility-partnership = Solo partenariato
visibility-public = Pubblico

## Translations
origin-original = Originale
origin-human = Tradotto da una persona
origin-machine = Traduzione automatica
freshness-original = Originale
freshness-current = Aggiornata
freshness-outdated = Non aggiornata

## Themes
theme-economic_recovery = Ripresa economica
theme-social_inclusion = Inclusione sociale
theme-green_transition = Transizione verde
theme-digital_transition = Transizione digitale
theme-microcredit = Microcredito
theme-micro_enterprises = Microimprese
theme-social_economy = Economia sociale
theme-informal_to_formal = Dal lavoro informale al lavoro regolare
theme-financial_literacy = Educazione finanziaria

## Target groups
target-group-unemployed = Persone disoccupate
target-group-minimum_income_recipients = Beneficiari del reddito minimo
target-group-women = Donne
target-group-young_people = Giovani
target-group-migrants_and_refugees = Migranti e rifugiati
target-group-roma = Rom
target-group-people_with_disabilities = Persone con disabilità
target-group-seniors = Anziani
target-group-micro_entrepreneurs = Microimprenditori
target-group-social_enterprises = Imprese sociali
target-group-rural_population = Popolazione rurale
target-group-financially_excluded = Persone escluse dai servizi bancari

## Instruments
instrument-microcredit = Microcredito
instrument-loan_guarantee = Garanzia sui prestiti
instrument-grant = Contributo a fondo perduto
instrument-equity = Partecipazione al capitale
instrument-savings_group = Gruppo di risparmio
instrument-business_mentoring = Tutoraggio d’impresa
instrument-training = Formazione
instrument-crowdfunding = Finanziamento collettivo
instrument-social_impact_bond = Titolo a impatto sociale
instrument-revolving_fund = Fondo rotativo

## Meetings
meeting-type-interregional_event = Evento interregionale
meeting-type-study_visit = Visita di studio
meeting-type-stakeholder_meeting = Incontro con i portatori di interesse regionali
meeting-type-steering_group = Comitato di pilotaggio
meeting-type-peer_review = Revisione tra pari
meeting-type-online = Riunione a distanza
item-status-open = Aperto
item-status-in_progress = In corso
item-status-done = Completato
item-status-cancelled = Annullato

## Actions of action plans
action-status-planned = Prevista
action-status-in_progress = In corso
action-status-completed = Completata
action-status-abandoned = Abbandonata
